package dev.pigeonhole.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pigeonhole.contract.ModelFixture;
import dev.pigeonhole.serving.CurrentModel;
import dev.pigeonhole.serving.ServedModel;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.BeanRegistration;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServedModelStartupTest {

    @TempDir
    Path store;

    @Test
    void theServedModelIsLoadedWhenTheContextStartsNotOnTheFirstRequest() {
        String version = ModelFixture.publish(store);

        try (ApplicationContext context = ApplicationContext.run(Map.of("pigeonhole.store", "file:" + store))) {
            Collection<BeanRegistration<CurrentModel>> active = context.getActiveBeanRegistrations(CurrentModel.class);

            assertEquals(1, active.size());
            ServedModel served = active.iterator().next().getBean().get();
            assertTrue(served.loaded());
            assertEquals(version, served.version().orElseThrow());
        }
    }

    @Test
    void aStoreWithoutModelStillStartsTheContext() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("pigeonhole.store", "file:" + store))) {
            ServedModel served = context.getBean(CurrentModel.class).get();

            assertEquals(false, served.loaded());
            assertTrue(served.unavailableReason().orElseThrow().contains("./pigeonhole train"));
        }
    }
}
