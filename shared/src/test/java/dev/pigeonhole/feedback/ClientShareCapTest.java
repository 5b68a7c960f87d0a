package dev.pigeonhole.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientShareCapTest {

    private static FeedbackRecord record(int n, String client) {
        return new FeedbackRecord(String.format("id-%04d", n), "2026-11-29T00:00:00Z", "text " + n, "Sport", "Religion",
                null, null, client);
    }

    @Test
    void aClientAboveItsShareKeepsItsOldestRecordsAndTheRestIsCounted() {
        List<FeedbackRecord> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            records.add(record(i, "alice"));
        }
        for (int i = 10; i < 90; i++) {
            records.add(record(i, "mallory"));
        }
        for (int i = 90; i < 100; i++) {
            records.add(record(i, "bob"));
        }

        ClientShareCap.Capped capped = new ClientShareCap(0.25, 5).apply(records);

        assertEquals(Map.of("mallory", 55), capped.leftOut());
        assertEquals(55, capped.leftOutTotal());
        assertEquals(45, capped.kept().size());
        assertEquals(records.subList(10, 35), capped.kept().stream().filter(r -> "mallory".equals(r.clientId())).toList());
    }

    @Test
    void theFloorLetsAFewClientsKeepEverythingTheySent() {
        List<FeedbackRecord> records = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            records.add(record(i, "local"));
        }

        ClientShareCap.Capped capped = new ClientShareCap(0.25, 20).apply(records);

        assertEquals(records, capped.kept());
        assertEquals(Map.of(), capped.leftOut());
    }

    @Test
    void recordsStoredBeforeApiKeysAreKept() {
        List<FeedbackRecord> records = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            records.add(record(i, null));
        }

        assertEquals(records, new ClientShareCap(0.1, 0).apply(records).kept());
    }

    @Test
    void theLimitIsTheShareRoundedUpOrTheFloor() {
        assertEquals(25, new ClientShareCap(0.25, 0).limit(100));
        assertEquals(26, new ClientShareCap(0.25, 0).limit(101));
        assertEquals(20, new ClientShareCap(0.25, 20).limit(40));
        assertEquals(7, new ClientShareCap(0.7, 0).limit(10), "0.7 * 10 is 7.000000000000001 in doubles");
    }

    @Test
    void aShareOutsideZeroToOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ClientShareCap(0, 5));
        assertThrows(IllegalArgumentException.class, () -> new ClientShareCap(1.5, 5));
        assertThrows(IllegalArgumentException.class, () -> new ClientShareCap(0.25, -1));
    }
}
