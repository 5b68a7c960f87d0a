package dev.pigeonhole.predict;

import dev.pigeonhole.access.OpenAccess;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;

/** {@code GET /docs}: sends browsers to the Swagger UI generated from the OpenAPI document at build time. */
@OpenAccess
@Controller("/docs")
@Hidden
public final class DocsController {

    private static final URI SWAGGER_UI = URI.create("/swagger-ui/index.html");

    @Get
    public HttpResponse<?> docs() {
        return HttpResponse.seeOther(SWAGGER_UI);
    }
}
