package dev.pigeonhole.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientShareCapTest {

    private static FeedbackRecord record(int n, String client) {
        return new FeedbackRecord(String.format("id-%05d", n), "2026-11-29T00:00:00Z", "text " + n, "Sport", "Religion",
                null, null, client);
    }

    /** {@code clients} honest clients with {@code each} records, from record number {@code from} on. */
    private static List<FeedbackRecord> honest(int clients, int each, int from) {
        List<FeedbackRecord> records = new ArrayList<>();
        for (int i = 0; i < clients * each; i++) {
            records.add(record(from + i, "client-" + (i % clients)));
        }
        return records;
    }

    private static Map<String, Integer> keptPerClient(ClientShareCap.Capped capped) {
        Map<String, Integer> kept = new HashMap<>();
        capped.kept().forEach(r -> kept.merge(String.valueOf(r.clientId()), 1, Integer::sum));
        return kept;
    }

    @Test
    void aFloodOfTenThousandFromOneKeyAmongFourHundredHonestRecordsKeepsNoClientAboveTheShare() {
        List<FeedbackRecord> records = new ArrayList<>(honest(40, 10, 0));
        for (int i = 0; i < 10_000; i++) {
            records.add(record(400 + i, "mallory"));
        }

        ClientShareCap.Capped capped = new ClientShareCap(0.25, 20).apply(records);

        // L = 0.25 × (400 + L): 133 records of the flood are kept, every honest one.
        assertEquals(133, capped.limit());
        assertEquals(Map.of("mallory", 10_000 - 133), capped.leftOut());
        assertEquals(533, capped.kept().size());
        keptPerClient(capped).forEach((client, kept) ->
                assertTrue(kept <= 0.25 * capped.kept().size(), client + " keeps " + kept + " of " + capped.kept().size()));
    }

    @Test
    void aFloodDoesNotRaiseTheCap() {
        List<FeedbackRecord> small = new ArrayList<>(honest(40, 10, 0));
        List<FeedbackRecord> large = new ArrayList<>(small);
        for (int i = 0; i < 200; i++) {
            small.add(record(1_000 + i, "mallory"));
        }
        for (int i = 0; i < 50_000; i++) {
            large.add(record(1_000 + i, "mallory"));
        }

        ClientShareCap cap = new ClientShareCap(0.25, 20);

        assertEquals(cap.apply(small).limit(), cap.apply(large).limit());
    }

    @Test
    void aClientAboveItsShareKeepsItsOldestRecordsAndTheRestIsCounted() {
        List<FeedbackRecord> records = new ArrayList<>(honest(10, 10, 0));
        List<FeedbackRecord> mallory = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            mallory.add(record(100 + i, "mallory"));
        }
        records.addAll(mallory);

        ClientShareCap.Capped capped = new ClientShareCap(0.25, 5).apply(records);

        assertEquals(33, capped.limit(), "L <= 0.25 * (100 + L)");
        assertEquals(Map.of("mallory", 47), capped.leftOut());
        assertEquals(47, capped.leftOutTotal());
        assertEquals(133, capped.kept().size());
        assertEquals(mallory.subList(0, 33), capped.kept().stream().filter(r -> "mallory".equals(r.clientId())).toList());
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
    void recordsWithoutAClientIdCountAsOneClient() {
        List<FeedbackRecord> records = new ArrayList<>(honest(10, 10, 0));
        for (int i = 0; i < 300; i++) {
            records.add(record(100 + i, null));
        }

        ClientShareCap.Capped capped = new ClientShareCap(0.25, 0).apply(records);

        assertEquals(Map.of(ClientShareCap.NO_CLIENT_ID, 267), capped.leftOut());
        assertEquals(33, capped.kept().stream().filter(r -> r.clientId() == null).count());
    }

    @Test
    void aShareOfOneCapsNothing() {
        List<FeedbackRecord> records = new ArrayList<>(honest(2, 10, 0));
        for (int i = 0; i < 500; i++) {
            records.add(record(100 + i, "mallory"));
        }

        assertEquals(records, new ClientShareCap(1, 0).apply(records).kept());
    }

    @Test
    void theLimitIsTheWaterLevelOrTheFloor() {
        assertEquals(25, new ClientShareCap(0.25, 0).limit(List.of(25, 25, 25, 25)), "four equal clients keep all");
        assertEquals(0, new ClientShareCap(0.25, 0).limit(List.of(10, 10, 10)), "three clients cannot stay within 25 %");
        assertEquals(20, new ClientShareCap(0.25, 20).limit(List.of(10, 10, 10)));
        assertEquals(7, new ClientShareCap(0.7, 0).limit(List.of(7, 3)), "0.7 * 10 is 7.000000000000001 in doubles");
        assertEquals(0, new ClientShareCap(0.25, 0).limit(List.of()));
    }

    @Test
    void aShareOutsideZeroToOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ClientShareCap(0, 5));
        assertThrows(IllegalArgumentException.class, () -> new ClientShareCap(1.5, 5));
        assertThrows(IllegalArgumentException.class, () -> new ClientShareCap(0.25, -1));
    }
}
