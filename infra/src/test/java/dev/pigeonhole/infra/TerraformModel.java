package dev.pigeonhole.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A parsed Terraform configuration (TerraformConfiguration's JSON) with its resources, data sources and locals. */
record TerraformModel(Map<String, Object> files) {

    static TerraformModel current() {
        return new TerraformModel(TerraformConfiguration.parsed());
    }

    /** Every block of {@code kind} ("resource", "data", "variable") and {@code type}, by name (first block of each). */
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> blocks(String kind, String type) {
        Map<String, Map<String, Object>> found = new TreeMap<>();
        for (Object file : files.values()) {
            Object byType = ((Map<String, Object>) file).get(kind);
            if (byType instanceof Map<?, ?> types && types.get(type) instanceof Map<?, ?> named) {
                ((Map<String, Object>) named).forEach((name, blocks) -> found.put(name, first(blocks)));
            }
        }
        return found;
    }

    /** Variables by name. */
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> variables() {
        Map<String, Map<String, Object>> found = new TreeMap<>();
        for (Object file : files.values()) {
            if (((Map<String, Object>) file).get("variable") instanceof Map<?, ?> named) {
                ((Map<String, Object>) named).forEach((name, blocks) -> found.put(name, first(blocks)));
            }
        }
        return found;
    }

    Map<String, Map<String, Object>> resources(String type) {
        return blocks("resource", type);
    }

    Object local(String name) {
        return TerraformConfiguration.local(files, name);
    }

    /** The nested blocks {@code name} of {@code block}, including those a dynamic block of that name generates. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> nested(Map<String, Object> block, String name) {
        List<Map<String, Object>> nested = new ArrayList<>();
        if (block.get(name) instanceof List<?> list) {
            list.forEach(item -> nested.add((Map<String, Object>) item));
        }
        if (block.get("dynamic") instanceof Map<?, ?> dynamic && dynamic.get(name) instanceof List<?> generators) {
            for (Object generator : generators) {
                nested.addAll(nested((Map<String, Object>) generator, "content"));
            }
        }
        return nested;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> first(Object blocks) {
        return (Map<String, Object>) ((List<?>) blocks).get(0);
    }

    static List<String> strings(Object value) {
        List<String> strings = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> strings.add(String.valueOf(item)));
        } else if (value != null) {
            strings.add(String.valueOf(value));
        }
        return strings;
    }
}
