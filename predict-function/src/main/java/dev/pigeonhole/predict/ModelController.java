package dev.pigeonhole.predict;

import dev.pigeonhole.access.OpenAccess;
import dev.pigeonhole.serving.CurrentModel;
import dev.pigeonhole.store.Manifest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Operation;

/** {@code GET /model}: the manifest of the served version, its provenance included. */
@OpenAccess
@Controller("/model")
public final class ModelController {

    private final CurrentModel current;

    public ModelController(CurrentModel current) {
        this.current = current;
    }

    /**
     * The served version's manifest.
     *
     * @return version, labels, parameters, training data, metrics and files
     */
    @Get
    @Operation(summary = "The served model version's manifest")
    public Manifest manifest() {
        return current.get().manifest();
    }
}
