package dev.pigeonhole.predict;

import dev.pigeonhole.access.OpenAccess;
import dev.pigeonhole.http.RequestRejectedException;
import dev.pigeonhole.serving.CurrentModel;
import dev.pigeonhole.serving.ServedModel;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;

/**
 * {@code GET /model/report/{name}}: one evaluation report file of the served version (metrics.json,
 * confusion-matrix.svg, report.md), as verified when the model was loaded. Other names are 404.
 */
@OpenAccess
@Controller("/model/report")
public final class ModelReportController {

    /** Report files and their content types; nothing else in a version is served. */
    static final Map<String, String> CONTENT_TYPES = Map.of(
            "metrics.json", MediaType.APPLICATION_JSON,
            "confusion-matrix.svg", "image/svg+xml",
            "report.md", "text/markdown; charset=utf-8");

    /** The SVG is shown as an image: nothing in it may run, load or be framed if it is opened directly. */
    static final String SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

    private final CurrentModel current;

    public ModelReportController(CurrentModel current) {
        this.current = current;
    }

    /**
     * A report file of the served version.
     *
     * @param name metrics.json, confusion-matrix.svg or report.md
     * @return the file, with its content type
     */
    @Get("/{name}")
    @Operation(summary = "An evaluation report file of the served model version")
    public HttpResponse<byte[]> report(String name) {
        String contentType = CONTENT_TYPES.get(name);
        if (contentType == null) {
            throw new RequestRejectedException(HttpStatus.NOT_FOUND, "no report file '" + name
                    + "'; the report files are " + String.join(", ", ServedModel.REPORT_FILES));
        }
        ServedModel served = current.get();
        byte[] data = served.report(name).orElseThrow(() -> new RequestRejectedException(HttpStatus.NOT_FOUND,
                "model version " + served.manifest().version() + " has no " + name
                        + ": it was published without an evaluation report"));
        return HttpResponse.ok(data)
                .contentType(contentType)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", SVG_POLICY);
    }
}
