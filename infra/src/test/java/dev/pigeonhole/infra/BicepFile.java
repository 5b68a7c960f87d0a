package dev.pigeonhole.infra;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the Azure checks read of a Bicep file without the compiler: its parameters (and which are {@code @secure()}),
 * its variables' expressions, and the parameters each module call passes, as expression text.
 */
record BicepFile(String name, String text) {

    /** Keeps the text without its // comments, whose apostrophes would read as the start of a string. */
    BicepFile {
        text = withoutComments(text);
    }

    private static String withoutComments(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!quoted && c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
                if (i < text.length()) {
                    out.append('\n');
                }
                continue;
            }
            if (c == '\'') {
                quoted = !quoted;
            } else if (c == '\n') {
                quoted = false; // no multi-line strings here
            }
            out.append(c);
        }
        return out.toString();
    }

    private static final Pattern DECLARATION = Pattern.compile("^(param|var|resource|module|output|targetScope|type|func|import)\\b");

    /** Parameter name to whether it is decorated {@code @secure()}. */
    Map<String, Boolean> parameters() {
        Map<String, Boolean> parameters = new LinkedHashMap<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            Matcher param = Pattern.compile("^param (\\w+) ").matcher(lines[i]);
            if (param.find()) {
                boolean secure = false;
                for (int j = i - 1; j >= 0 && !lines[j].isBlank() && !DECLARATION.matcher(lines[j]).find(); j--) {
                    secure |= lines[j].strip().equals("@secure()");
                }
                parameters.put(param.group(1), secure);
            }
        }
        return parameters;
    }

    /** Variable name to the text of its expression. */
    Map<String, String> variables() {
        Map<String, String> variables = new LinkedHashMap<>();
        Matcher variable = Pattern.compile("(?m)^var (\\w+) = ").matcher(text);
        while (variable.find()) {
            variables.put(variable.group(1), expressionAt(variable.end()));
        }
        return variables;
    }

    /** Module call name to its path and the parameters it passes (name to expression text). */
    Map<String, Module> modules() {
        Map<String, Module> modules = new LinkedHashMap<>();
        Matcher module = Pattern.compile("(?m)^module (\\w+) '([^']+)' = \\{").matcher(text);
        while (module.find()) {
            int params = text.indexOf("params: {", module.end());
            String block = balanced(params + "params: ".length());
            modules.put(module.group(1), new Module(module.group(2), entries(block.substring(1, block.length() - 1))));
        }
        return modules;
    }

    /** A module call: the file it deploys and the parameters it passes. */
    record Module(String path, Map<String, String> parameters) {
    }

    /** The expression starting at {@code from}: a balanced {...}, [...] or (...) group, else the rest of the line. */
    private String expressionAt(int from) {
        char first = text.charAt(from);
        if (first == '{' || first == '[') {
            return balanced(from);
        }
        int end = text.indexOf('\n', from);
        String line = text.substring(from, end < 0 ? text.length() : end);
        int open = line.indexOf('(');
        if (open >= 0 && depth(line) > 0) {
            return balanced(from);
        }
        return line;
    }

    private String balanced(int from) {
        int depth = 0;
        boolean quoted = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && (c == '{' || c == '[' || c == '(')) {
                depth++;
            } else if (!quoted && (c == '}' || c == ']' || c == ')')) {
                depth--;
                if (depth == 0) {
                    return text.substring(from, i + 1);
                }
            }
        }
        throw new AssertionError(name + ": unbalanced brackets after offset " + from);
    }

    private static int depth(String text) {
        int depth = 0;
        for (char c : text.replaceAll("'[^']*'", "").toCharArray()) {
            depth += c == '(' || c == '{' || c == '[' ? 1 : c == ')' || c == '}' || c == ']' ? -1 : 0;
        }
        return depth;
    }

    /** The top-level "key: expression" entries of an object's body. */
    private static Map<String, String> entries(String body) {
        Map<String, String> entries = new LinkedHashMap<>();
        String key = null;
        StringBuilder value = new StringBuilder();
        int depth = 0;
        for (String line : body.split("\n")) {
            Matcher entry = Pattern.compile("^\\s*(\\w+):\\s?(.*)$").matcher(line);
            if (depth == 0 && entry.matches()) {
                if (key != null) {
                    entries.put(key, value.toString().strip());
                }
                key = entry.group(1);
                value.setLength(0);
                value.append(entry.group(2)).append('\n');
                depth += depth(entry.group(2));
            } else {
                value.append(line).append('\n');
                depth += depth(line);
            }
        }
        if (key != null) {
            entries.put(key, value.toString().strip());
        }
        return entries;
    }
}
