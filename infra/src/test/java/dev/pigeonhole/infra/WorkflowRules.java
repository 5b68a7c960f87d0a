package dev.pigeonhole.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * Mistakes in .github/workflows that pass yamllint but break or endanger a deployment, found in the parsed workflows
 * (file name to the YAML tree). Every method answers the problems it finds.
 */
final class WorkflowRules {

    /** The environment in the OIDC subject the clouds' trust policies name (README: repo:OWNER/REPO:environment:production). */
    static final String TRUSTED_ENVIRONMENT = "production";

    /** Commands that change what production serves; each needs its own step, so that its rollback knows it ran. */
    private static final Pattern PRODUCTION_CHANGE = Pattern.compile(
            "azure-swap\\.sh|aws-publish\\.sh[^\\n]*\\bproduction\\b|retrain-image\\.sh");

    private WorkflowRules() {
    }

    static Map<String, Map<String, Object>> current() {
        return parse(RepositoryFiles.find(".github/workflows", "*.yml"));
    }

    /** The current workflows with the planted ones in their place. */
    static Map<String, Map<String, Object>> planted() {
        Map<String, Map<String, Object>> workflows = current();
        workflows.putAll(parse(RepositoryFiles.find("infra/src/test/resources/planted/.github/workflows", "*.yml")));
        return workflows;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> parse(List<Path> files) {
        Map<String, Map<String, Object>> workflows = new LinkedHashMap<>();
        for (Path file : files) {
            workflows.put(file.getFileName().toString(), (Map<String, Object>) new Yaml().load(RepositoryFiles.read(file)));
        }
        return workflows;
    }

    /** Every job that may ask for an OIDC token runs in the environment the clouds trust. */
    static List<String> oidcJobsUseTheTrustedEnvironment(Map<String, Map<String, Object>> workflows) {
        List<String> problems = new ArrayList<>();
        forEachJob(workflows, (workflow, name, job) -> {
            Object permissions = job.get("permissions");
            boolean oidc = permissions instanceof Map<?, ?> map && "write".equals(map.get("id-token"));
            if (!oidc || job.containsKey("uses")) {
                return; // a reusable workflow's own jobs are checked where they are defined
            }
            Object environment = job.get("environment");
            String named = environment instanceof Map<?, ?> map ? String.valueOf(map.get("name")) : String.valueOf(environment);
            if (!TRUSTED_ENVIRONMENT.equals(named)) {
                problems.add(workflow + " job " + name + " asks for an OIDC token outside the environment '"
                        + TRUSTED_ENVIRONMENT + "': its subject matches no trust policy (environment: " + environment + ")");
            }
        });
        return problems;
    }

    /**
     * Jobs of a workflow started by workflow_run run only for a push to this repository: its branch filter also
     * matches a fork's pull request from a branch of that name.
     */
    static List<String> workflowRunJobsRunOnlyForPushesFromThisRepository(Map<String, Map<String, Object>> workflows) {
        List<String> problems = new ArrayList<>();
        forEachJob(workflows, (workflow, name, job) -> {
            Object on = workflows.get(workflow).get("on");
            if (!(on instanceof Map<?, ?> triggers) || !triggers.containsKey("workflow_run")) {
                return;
            }
            String condition = String.valueOf(job.get("if")).replaceAll("\\s+", " ");
            for (String required : List.of("github.event.workflow_run.event == 'push'",
                    "github.event.workflow_run.head_repository.full_name == github.repository")) {
                if (!condition.contains(required)) {
                    problems.add(workflow + " job " + name + " runs on workflow_run without \"" + required + "\"");
                }
            }
        });
        return problems;
    }

    /** No ${{ }} expression is pasted into a shell script: values reach run steps through env. */
    static List<String> runStepsTakeValuesThroughEnv(Map<String, Map<String, Object>> workflows) {
        List<String> problems = new ArrayList<>();
        forEachStep(workflows, (workflow, job, step) -> {
            Object run = step.get("run");
            if (run != null && String.valueOf(run).contains("${{")) {
                problems.add(workflow + " job " + job + " step '" + step.get("name") + "' interpolates an expression "
                        + "into its script: pass it through env");
            }
        });
        return problems;
    }

    /**
     * In each job, every step that changes production changes one thing, and the rollback step runs when the first of
     * them worked and looks at each of the others, so nothing that changed stays changed.
     */
    @SuppressWarnings("unchecked")
    static List<String> everyProductionChangeIsRolledBack(Map<String, Map<String, Object>> workflows) {
        List<String> problems = new ArrayList<>();
        forEachJob(workflows, (workflow, name, job) -> {
            List<Map<String, Object>> steps = (List<Map<String, Object>>) job.getOrDefault("steps", List.of());
            List<String> changes = new ArrayList<>();
            for (Map<String, Object> step : steps) {
                String condition = String.valueOf(step.get("if"));
                Matcher change = PRODUCTION_CHANGE.matcher(String.valueOf(step.get("run")));
                int count = 0;
                while (change.find()) {
                    count++;
                }
                if (count == 0 || condition.contains("failure()")) {
                    continue;
                }
                String where = workflow + " job " + name + " step '" + step.get("name") + "'";
                if (count > 1) {
                    problems.add(where + " changes production " + count + " times: if a later change fails, the "
                            + "step fails and its rollback does not know the earlier one happened");
                }
                if (step.get("id") == null) {
                    problems.add(where + " changes production but has no id for its rollback to test");
                } else {
                    changes.add(String.valueOf(step.get("id")));
                }
            }
            if (changes.isEmpty()) {
                return;
            }
            String trigger = "steps." + changes.get(0) + ".outcome == 'success'";
            Map<String, Object> rollback = steps.stream()
                    .filter(step -> String.valueOf(step.get("if")).contains("failure()")
                            && String.valueOf(step.get("if")).contains(trigger))
                    .findFirst().orElse(null);
            if (rollback == null) {
                problems.add(workflow + " job " + name + " has no rollback step run on failure() && " + trigger);
                return;
            }
            String text = String.valueOf(rollback.get("env")) + String.valueOf(rollback.get("run"));
            for (String change : changes.subList(1, changes.size())) {
                if (!text.contains("steps." + change + ".")) {
                    problems.add(workflow + " job " + name + ": the rollback ignores whether step " + change + " ran");
                }
            }
        });
        return problems;
    }

    /** Each deploy job's staging smoke test sends a feedback and reads its record back from the store. */
    static List<String> stagingSmokeTestsSendAFeedback(Map<String, Map<String, Object>> workflows) {
        List<String> problems = new ArrayList<>();
        forEachJob(Map.of("deploy.yml", workflows.get("deploy.yml")), (workflow, name, job) -> {
            if (job.containsKey("uses")) {
                return;
            }
            String text = String.valueOf(job.get("steps"));
            if (!Pattern.compile("(?i)smoke-test\\.sh[^}]*staging[^}]*--feedback").matcher(text).find()) {
                problems.add(workflow + " job " + name + ": the staging smoke test sends no feedback (--feedback)");
            }
            if (!text.contains("check-feedback-record.sh")) {
                problems.add(workflow + " job " + name + ": no step reads the smoke feedback's record back");
            }
        });
        return problems;
    }

    private interface JobVisitor {
        void visit(String workflow, String name, Map<String, Object> job);
    }

    private interface StepVisitor {
        void visit(String workflow, String job, Map<String, Object> step);
    }

    @SuppressWarnings("unchecked")
    private static void forEachJob(Map<String, Map<String, Object>> workflows, JobVisitor visitor) {
        workflows.forEach((workflow, tree) -> ((Map<String, Object>) tree.get("jobs"))
                .forEach((name, job) -> visitor.visit(workflow, name, (Map<String, Object>) job)));
    }

    @SuppressWarnings("unchecked")
    private static void forEachStep(Map<String, Map<String, Object>> workflows, StepVisitor visitor) {
        forEachJob(workflows, (workflow, name, job) -> {
            for (Object step : (List<Object>) job.getOrDefault("steps", List.of())) {
                visitor.visit(workflow, name, (Map<String, Object>) step);
            }
        });
    }
}
