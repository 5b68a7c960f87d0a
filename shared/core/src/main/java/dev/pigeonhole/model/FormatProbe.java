package dev.pigeonhole.model;

import io.micronaut.serde.annotation.Serdeable;

/** The one field of model.json every format has: which format the rest follows. */
@Serdeable
record FormatProbe(String format) {
}
