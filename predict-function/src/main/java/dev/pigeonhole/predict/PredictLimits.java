package dev.pigeonhole.predict;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/** Limits on JSON prediction requests ({@code pigeonhole.predict.*}): body bytes and texts per batch. */
@ConfigurationProperties("pigeonhole.predict")
public record PredictLimits(@Bindable(defaultValue = "1048576") long maxBodyBytes,
                            @Bindable(defaultValue = "100") int maxBatchTexts) {
}
