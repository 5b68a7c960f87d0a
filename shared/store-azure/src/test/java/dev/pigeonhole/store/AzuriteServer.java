package dev.pigeonhole.store;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Azurite's blob service from test-servers/node_modules, on a free port of 127.0.0.1 with its data in a temp dir. */
public final class AzuriteServer implements StorageServer {

    // Azurite's documented development account; it exists only inside the local emulator.
    private static final String ACCOUNT = "devstoreaccount1";
    private static final String KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static AzuriteServer shared;

    private final ServerProcess process;
    private final String connectionString;

    private AzuriteServer(ServerProcess process) {
        this.process = process;
        this.connectionString = "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT + ";AccountKey=" + KEY
                + ";BlobEndpoint=http://127.0.0.1:" + process.port() + "/" + ACCOUNT + ";";
    }

    /** One server for the whole test run, stopped when the JVM exits. */
    public static synchronized AzuriteServer shared() {
        if (shared == null) {
            shared = start();
            AzuriteServer server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(server.process::stop));
        }
        return shared;
    }

    /** A server of the caller's own, to stop when it likes; skips (or fails on CI) without Node.js and npm. */
    public static AzuriteServer start() {
        Path bin = azuriteBlob();
        try {
            Path dir = Files.createTempDirectory("pigeonhole-azurite-");
            int port = ServerProcess.freePort();
            List<String> command = new ArrayList<>(List.of(bin.toString(), "--silent", "--blobHost", "127.0.0.1",
                    "--blobPort", String.valueOf(port), "--skipApiVersionCheck"));
            // Benchmarks may keep the emulator's data in memory (-Dpigeonhole.azurite.in-memory=true): its disk
            // persistence, not the function, bounds the write rate they measure.
            if (Boolean.getBoolean("pigeonhole.azurite.in-memory")) {
                command.add("--inMemoryPersistence");
            } else {
                command.addAll(List.of("--location", dir.resolve("data").toString()));
            }
            return new AzuriteServer(ServerProcess.start(command, dir, port));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String connectionString() {
        return connectionString;
    }

    @Override
    public AzureBlobArtifactStore newStore() {
        String container = "t" + UUID.randomUUID().toString().replace("-", "");
        BlobServiceClient service = new BlobServiceClientBuilder().connectionString(connectionString).buildClient();
        service.createBlobContainer(container);
        return AzureBlobArtifactStore.open(new BucketLocation("azblob", container, "pigeonhole"), connectionString);
    }

    @Override
    public AzureBlobArtifactStore openMissing(String container) {
        return AzureBlobArtifactStore.open(new BucketLocation("azblob", container, "pigeonhole"), connectionString);
    }

    @Override
    public ServerProcess process() {
        return process;
    }

    private static synchronized Path azuriteBlob() {
        Path dir = Path.of(System.getProperty("pigeonhole.test-servers", "../test-servers")).toAbsolutePath().normalize();
        Path bin = dir.resolve("node_modules/.bin/azurite-blob");
        if (Files.isExecutable(bin)) {
            return bin;
        }
        try {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("npm-ci.log").toFile()).start();
            if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                npm.destroyForcibly();
                throw new IllegalStateException("npm ci in " + dir + " failed; see " + dir.resolve("npm-ci.log"));
            }
        } catch (IOException e) {
            TestPrerequisites.missing("Azurite needs Node.js and npm on the PATH to install test-servers/ ("
                    + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (!Files.isExecutable(bin)) {
            throw new IllegalStateException("npm ci in " + dir + " did not install " + bin);
        }
        return bin;
    }
}
