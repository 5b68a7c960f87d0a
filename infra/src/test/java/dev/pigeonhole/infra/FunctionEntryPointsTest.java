package dev.pigeonhole.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The entry points the infrastructure names exist in the functions' code: the Lambda handler of infra/aws, and the
 * Azure Functions classes the Function Apps of infra/azure run (one app each, the function named as the deploy
 * expects, anonymous for predict, a function key for feedback).
 */
class FunctionEntryPointsTest {

    @Test
    @SuppressWarnings("unchecked")
    void theLambdaHandlerOfEachFunctionIsOnItsClassPath() throws Exception {
        Map<String, Object> functions = (Map<String, Object>) TerraformConfiguration.local("functions");
        assertEquals(java.util.Set.of("predict", "feedback"), functions.keySet());
        for (Map.Entry<String, Object> function : functions.entrySet()) {
            String handler = String.valueOf(((Map<String, Object>) function.getValue()).get("handler"));
            String[] parts = handler.split("::");
            Class<?> type = Class.forName(parts[0]);
            assertTrue(Arrays.stream(type.getMethods()).anyMatch(method -> method.getName().equals(parts[1])),
                    function.getKey() + ": " + handler + " has no method " + parts[1]);
        }
    }

    @Test
    void thePredictAppRunsFunctionPredictAnonymouslyOnEveryRoute() throws Exception {
        Method method = azureFunction("dev.pigeonhole.predict.azure.PredictHttpFunction", "predict");
        Annotation trigger = triggerOf(method);
        assertEquals("ANONYMOUS", String.valueOf(attribute(trigger, "authLevel")));
        assertTrue(String.valueOf(attribute(trigger, "route")).startsWith("{"), "predict's route is a catch-all");
    }

    @Test
    void theFeedbackAppRunsFunctionFeedbackBehindAFunctionKey() throws Exception {
        Method method = azureFunction("dev.pigeonhole.feedback.function.azure.FeedbackHttpFunction", "feedback");
        assertEquals("FUNCTION", String.valueOf(attribute(triggerOf(method), "authLevel")));
    }

    @Test
    void theAppsAreNamedForTheirFunctionAndDeployedFromTheirStagingFolders() {
        String functions = RepositoryFiles.read("infra/azure/modules/functions.bicep");
        assertTrue(functions.contains("var predictName = '${baseName}-predict'"));
        assertTrue(functions.contains("var feedbackName = '${baseName}-feedback'"));
        String deploy = RepositoryFiles.read(".github/workflows/deploy.yml");
        assertTrue(deploy.contains("packaging/predict-azure/target/azure-functions/pigeonhole-predict"));
        assertTrue(deploy.contains("packaging/feedback-azure/target/azure-functions/pigeonhole-feedback"));
    }

    private static Method azureFunction(String className, String functionName) throws ClassNotFoundException {
        Class<?> type = Class.forName(className);
        Optional<Method> method = Arrays.stream(type.getMethods())
                .filter(candidate -> Arrays.stream(candidate.getAnnotations())
                        .anyMatch(annotation -> annotation.annotationType().getSimpleName().equals("FunctionName")
                                && functionName.equals(attribute(annotation, "value"))))
                .findFirst();
        assertTrue(method.isPresent(), className + " has no @FunctionName(\"" + functionName + "\") method");
        return method.get();
    }

    private static Annotation triggerOf(Method method) {
        return Arrays.stream(method.getParameterAnnotations()).flatMap(Arrays::stream)
                .filter(annotation -> annotation.annotationType().getSimpleName().equals("HttpTrigger"))
                .findFirst().orElseThrow(() -> new AssertionError(method + " has no @HttpTrigger parameter"));
    }

    private static Object attribute(Annotation annotation, String name) {
        try {
            return annotation.annotationType().getMethod(name).invoke(annotation);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
