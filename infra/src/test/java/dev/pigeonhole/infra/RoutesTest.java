package dev.pigeonhole.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pigeonhole.feedback.function.FeedbackApplication;
import dev.pigeonhole.http.HealthController;
import dev.pigeonhole.predict.PredictApplication;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The API Gateway routes of infra/aws and the routes the functions' controllers serve are the same. */
class RoutesTest {

    /** Routes that are no controller's: the web page and its files (static resources), and the CORS preflight. */
    private static final Set<String> PREDICT_STATIC = Set.of("GET /", "GET /{}");
    private static final Set<String> FEEDBACK_PREFLIGHT = Set.of("OPTIONS /feedback");
    /** Controllers both functions take from shared/function (each names them in its @OpenAPIInclude). */
    private static final Class<?> SHARED_CONTROLLERS = HealthController.class;

    @Test
    void everyPredictControllerRouteIsAGatewayRouteAndEveryGatewayRouteAControllerOrAStaticFile() {
        Set<String> gateway = gatewayRoutes("predict_routes");
        Set<String> controllers = ControllerRoutes.of(PredictApplication.class, SHARED_CONTROLLERS);

        Set<String> expected = new TreeSet<>(controllers);
        expected.addAll(PREDICT_STATIC);
        assertEquals(expected, gateway);
        assertTrue(controllers.containsAll(Set.of("GET /health", "POST /predict", "POST /predict/batch",
                "POST /upload", "GET /model", "GET /model/report/{}", "GET /config.json", "GET /docs")), controllers.toString());
    }

    @Test
    void theWebPageIsServedAsStaticResourcesUnderEveryPath() {
        String yml = RepositoryFiles.read("predict-function/src/main/resources/application.yml");
        assertTrue(yml.contains("paths: classpath:public") && yml.contains("mapping: /**"), yml);
    }

    @Test
    void everyFeedbackControllerRouteIsAGatewayRouteAndThePreflightIsAnsweredByCors() {
        Set<String> gateway = gatewayRoutes("feedback_routes");
        Set<String> expected = new TreeSet<>(ControllerRoutes.of(FeedbackApplication.class, SHARED_CONTROLLERS));
        expected.addAll(FEEDBACK_PREFLIGHT);

        assertEquals(expected, gateway);
        String yml = RepositoryFiles.read("feedback-function/src/main/resources/application.yml");
        assertTrue(yml.contains("cors:\n      enabled: true"), "OPTIONS /feedback needs the CORS filter");
    }

    @Test
    void onlyPostFeedbackIsBehindTheApiKeyAuthorizerAndHealthStaysOpen() {
        assertEquals(List.of("POST /feedback", "POST /feedback/batch"),
                TerraformConfiguration.local("protected_feedback_routes"));
        String route = String.valueOf(TerraformTest.resource("aws_apigatewayv2_route", "feedback")
                .get("authorization_type"));
        assertTrue(route.contains("local.protected_feedback_routes") && route.contains("\"CUSTOM\"")
                && route.contains("\"NONE\""), route);
        assertEquals(List.of("$request.header.X-API-Key"),
                TerraformTest.resource("aws_apigatewayv2_authorizer", "api_key").get("identity_sources"));
        assertEquals(Boolean.TRUE, TerraformTest.resource("aws_apigatewayv2_authorizer", "api_key")
                .get("enable_simple_responses"));
    }

    @Test
    void integrationsUsePayloadFormat2AndTheChannelsAliases() {
        for (String name : List.of("predict", "feedback")) {
            var integration = TerraformTest.resource("aws_apigatewayv2_integration", name);
            assertEquals("2.0", integration.get("payload_format_version"));
            assertEquals("${aws_lambda_alias.function[\"" + name + "/${each.key}\"].invoke_arn}",
                    integration.get("integration_uri"));
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> gatewayRoutes(String local) {
        Set<String> routes = new TreeSet<>();
        for (String route : (List<String>) TerraformConfiguration.local(local)) {
            String[] parts = route.split(" ", 2);
            routes.add(parts[0] + " " + ControllerRoutes.normalise(parts[1]));
        }
        return routes;
    }
}
