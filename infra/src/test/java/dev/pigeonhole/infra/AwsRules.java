package dev.pigeonhole.infra;

import static dev.pigeonhole.infra.TerraformModel.nested;
import static dev.pigeonhole.infra.TerraformModel.strings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mistakes in infra/aws that parse and validate but break a first deployment, each found in the parsed configuration.
 * Every method answers the problems it finds, empty when there are none.
 */
final class AwsRules {

    static final String STORE_BUCKET = "${aws_s3_bucket.store.arn}";

    /** Name attributes whose length AWS limits, by resource type. */
    private static final Map<String, Map.Entry<String, Integer>> NAME_LIMITS = Map.of(
            "aws_s3_bucket", Map.entry("bucket_prefix", 37),
            "aws_iam_role", Map.entry("name", 64),
            "aws_lambda_function", Map.entry("function_name", 64),
            "aws_cloudwatch_event_rule", Map.entry("name", 64),
            "aws_cloudwatch_metric_alarm", Map.entry("alarm_name", 255),
            "aws_ecr_repository", Map.entry("name", 256),
            "aws_security_group", Map.entry("name", 255),
            "aws_lambda_layer_version", Map.entry("layer_name", 140));

    private AwsRules() {
    }

    /**
     * Every role that reads the store may list its bucket without a condition: S3 answers HeadBucket (how the store
     * opens) and a read of a missing key (404, not 403) only to a caller allowed s3:ListBucket, which it evaluates
     * without an s3:prefix.
     */
    static List<String> storeReadersMayListTheBucket(TerraformModel model) {
        List<String> problems = new ArrayList<>();
        model.blocks("data", "aws_iam_policy_document").forEach((name, document) -> {
            List<Map<String, Object>> statements = nested(document, "statement");
            boolean readsStore = statements.stream().anyMatch(statement ->
                    strings(statement.get("actions")).contains("s3:GetObject")
                            && String.valueOf(statement.get("resources")).contains("store"));
            boolean listsBucket = false;
            for (Map<String, Object> statement : statements) {
                if (strings(statement.get("actions")).contains("s3:ListBucket")
                        && strings(statement.get("resources")).contains(STORE_BUCKET)) {
                    if (statement.containsKey("condition")) {
                        problems.add("aws_iam_policy_document." + name + ": s3:ListBucket on the store has a condition ("
                                + statement.get("condition") + "): HeadBucket and reads of missing keys get 403");
                    } else {
                        listsBucket = true;
                    }
                }
            }
            if (readsStore && !listsBucket) {
                problems.add("aws_iam_policy_document." + name + " reads the store but may not list its bucket "
                        + "without a condition");
            }
        });
        return problems;
    }

    /** Functions with SnapStart get CRAC_ENABLED=true, or their restore hook never re-reads the channel. */
    @SuppressWarnings("unchecked")
    static List<String> snapStartFunctionsEnableCrac(TerraformModel model) {
        List<String> problems = new ArrayList<>();
        boolean snapStart = model.resources("aws_lambda_function").values().stream()
                .anyMatch(function -> function.containsKey("snap_start"));
        Map<String, Object> environment = (Map<String, Object>) model.local("common_environment");
        if (snapStart && !"true".equals(environment.get("CRAC_ENABLED"))) {
            problems.add("SnapStart is on but local.common_environment sets no CRAC_ENABLED = \"true\"");
        }
        return problems;
    }

    /** The variables every function needs on Lambda, in the environment every version of every function gets. */
    @SuppressWarnings("unchecked")
    static List<String> functionsGetTheRequiredEnvironment(TerraformModel model) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> environment = (Map<String, Object>) model.local("common_environment");
        for (String name : List.of("PIGEONHOLE_STORE", "PIGEONHOLE_REFRESH_SECONDS", "PIGEONHOLE_FORWARDED_FOR_HOPS",
                "CRAC_ENABLED")) {
            if (!environment.containsKey(name)) {
                problems.add("local.common_environment sets no " + name);
            }
        }
        Object hops = environment.get("PIGEONHOLE_FORWARDED_FOR_HOPS");
        if (hops != null && !"1".equals(hops)) {
            problems.add("PIGEONHOLE_FORWARDED_FOR_HOPS is " + hops + "; API Gateway is one hop");
        }
        return problems;
    }

    /** Lambda runtimes (functions and layers) are supported ones on {@code day}. */
    static List<String> runtimesAreSupported(TerraformModel model, LocalDate day) {
        List<String> problems = new ArrayList<>();
        model.resources("aws_lambda_function").forEach((name, function) -> {
            String problem = SupportedRuntimes.problem(SupportedRuntimes.LAMBDA, String.valueOf(function.get("runtime")), day);
            if (problem != null) {
                problems.add("aws_lambda_function." + name + ": " + problem);
            }
        });
        model.resources("aws_lambda_layer_version").forEach((name, layer) -> {
            for (String runtime : strings(layer.get("compatible_runtimes"))) {
                String problem = SupportedRuntimes.problem(SupportedRuntimes.LAMBDA, runtime, day);
                if (problem != null) {
                    problems.add("aws_lambda_layer_version." + name + ": " + problem);
                }
            }
        });
        return problems;
    }

    /**
     * The functions' Maven packages (local.functions) and the layers go through S3: a direct upload takes at most 50 MB
     * zipped and the predict zip is close. The authorizer's few kilobytes of JavaScript may go directly.
     */
    static List<String> packagesAreUploadedThroughS3(TerraformModel model) {
        List<String> problems = new ArrayList<>();
        for (String type : List.of("aws_lambda_function", "aws_lambda_layer_version")) {
            model.resources(type).forEach((name, block) -> {
                boolean javaPackage = type.equals("aws_lambda_layer_version")
                        || "${local.functions}".equals(block.get("for_each"));
                if (javaPackage && (block.containsKey("filename") || !block.containsKey("s3_bucket"))) {
                    problems.add(type + "." + name + " is uploaded directly (filename), not through S3 (s3_bucket, s3_key)");
                }
            });
        }
        return problems;
    }

    /** Names built from local.name stay within AWS's limits for the longest name_prefix and name_suffix allowed. */
    static List<String> namesFitTheirLimits(TerraformModel model) {
        List<String> problems = new ArrayList<>();
        int prefix = longestMatch(model, "name_prefix");
        int suffix = longestMatch(model, "name_suffix");
        int name = prefix + (suffix > 0 ? 1 + suffix : 0);
        NAME_LIMITS.forEach((type, attribute) -> model.resources(type).forEach((resource, block) -> {
            Object value = block.get(attribute.getKey());
            if (value instanceof String template && template.contains("${local.name}")) {
                String rest = template.replace("${local.name}", "");
                if (!rest.contains("${")) {
                    int longest = name + rest.length();
                    if (longest > attribute.getValue()) {
                        problems.add(type + "." + resource + "." + attribute.getKey() + " '" + template + "' reaches "
                                + longest + " characters; the limit is " + attribute.getValue());
                    }
                }
            }
        }));
        return problems;
    }

    /** The longest value a variable's regex validation accepts, for patterns of character classes with {m,n}. */
    static int longestMatch(TerraformModel model, String variable) {
        Map<String, Object> block = model.variables().get(variable);
        String condition = String.valueOf(TerraformModel.first(block.get("validation")).get("condition"));
        Matcher regex = Pattern.compile("regex\\(\\\"\\^(.*?)\\$\\\"").matcher(condition);
        if (!regex.find()) {
            throw new AssertionError("variable " + variable + " has no regex validation: " + condition);
        }
        Matcher token = Pattern.compile("(\\[[^]]*]|\\\\.|[^\\[{])(\\{(\\d+)(,(\\d+))?})?").matcher(regex.group(1));
        int longest = 0;
        while (token.find()) {
            longest += token.group(2) == null ? 1
                    : Integer.parseInt(token.group(5) != null ? token.group(5) : token.group(3));
        }
        return longest;
    }

    /** No comment claims the secrets stay out of the state while data sources put their values there. */
    static List<String> commentsTellWhatTheStateHolds(TerraformModel model, Map<String, String> texts) {
        List<String> problems = new ArrayList<>();
        boolean secretsInState = !model.blocks("data", "aws_ssm_parameter").isEmpty();
        Pattern claim = Pattern.compile("(?i)\\b(never|not|out of|outside)\\b[^.#]{0,40}\\bstate\\b");
        texts.forEach((file, text) -> {
            StringBuilder comment = new StringBuilder();
            for (String line : (text + "\n").split("\n")) {
                if (line.strip().startsWith("#")) {
                    comment.append(line.strip().substring(1)).append(' ');
                    continue;
                }
                if (secretsInState && claim.matcher(comment).find()) {
                    problems.add(file + ": a comment says secrets stay out of the Terraform state, but the "
                            + "aws_ssm_parameter data sources put their values there: '" + comment.toString().strip() + "'");
                }
                comment.setLength(0);
            }
        });
        return problems;
    }

    /** The retrain task's image is pinned by digest: the variable refuses tags, and nothing falls back to one. */
    static List<String> retrainImageIsPinnedByDigest(TerraformModel model) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> variable = model.variables().get("retrain_image");
        String validation = String.valueOf(variable.get("validation"));
        if (!validation.contains("@sha256:")) {
            problems.add("variable retrain_image accepts tags: validate it as repository@sha256:<digest>");
        }
        if (String.valueOf(model.local("retrain_image")).contains(":latest")) {
            problems.add("local.retrain_image falls back to the tag latest");
        }
        String image = String.valueOf(model.resources("aws_ecs_task_definition").get("retrain").get("container_definitions"));
        if (!image.contains("aws_ssm_parameter.retrain_image")) {
            problems.add("the retrain task definition does not take the image the deploy promoted (aws_ssm_parameter.retrain_image)");
        }
        return problems;
    }
}
