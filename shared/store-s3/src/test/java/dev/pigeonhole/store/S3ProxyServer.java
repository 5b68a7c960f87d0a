package dev.pigeonhole.store;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** s3proxy (a real S3 API server) with its filesystem backend, in a child JVM on a free port of 127.0.0.1. */
public final class S3ProxyServer implements StorageServer {

    private static final String IDENTITY = "pigeonhole-test";
    private static final String CREDENTIAL = "pigeonhole-test-secret";

    private static S3ProxyServer shared;

    private final ServerProcess process;
    private final S3Settings settings;

    private S3ProxyServer(ServerProcess process) {
        this.process = process;
        this.settings = new S3Settings(Optional.of(URI.create("http://127.0.0.1:" + process.port())), Region.US_EAST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create(IDENTITY, CREDENTIAL)));
    }

    /** One server for the whole test run, stopped when the JVM exits. */
    public static synchronized S3ProxyServer shared() {
        if (shared == null) {
            shared = start();
            S3ProxyServer server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(server.process::stop));
        }
        return shared;
    }

    /** A server of the caller's own; skips (or fails on CI) when the build did not copy the s3proxy jar. */
    public static S3ProxyServer start() {
        String jar = System.getProperty("pigeonhole.s3proxy.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            TestPrerequisites.missing("the s3proxy jar is missing (" + jar + "); run the tests through ./mvnw, "
                    + "which copies it to shared/target/s3proxy");
        }
        try {
            Path dir = Files.createTempDirectory("pigeonhole-s3proxy-");
            Files.createDirectories(dir.resolve("data"));
            int port = ServerProcess.freePort();
            Files.writeString(dir.resolve("s3proxy.conf"), String.join("\n",
                    "s3proxy.endpoint=http://127.0.0.1:" + port,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + IDENTITY,
                    "s3proxy.credential=" + CREDENTIAL,
                    "jclouds.provider=filesystem",
                    "jclouds.filesystem.basedir=" + dir.resolve("data"),
                    ""));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            return new S3ProxyServer(ServerProcess.start(List.of(java, "-Xmx256m", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "-jar", jar, "--properties", "s3proxy.conf"), dir, port));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public S3Settings settings() {
        return settings;
    }

    @Override
    public S3ArtifactStore newStore() {
        String bucket = "t" + UUID.randomUUID().toString().replace("-", "");
        try (S3Client client = S3Client.builder().endpointOverride(settings.endpoint().orElseThrow())
                .forcePathStyle(true).region(settings.region()).credentialsProvider(settings.credentials())
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create()).build()) {
            client.createBucket(b -> b.bucket(bucket));
        }
        return S3ArtifactStore.open(new BucketLocation("s3", bucket, "pigeonhole"), settings);
    }

    @Override
    public S3ArtifactStore openMissing(String bucket) {
        return S3ArtifactStore.open(new BucketLocation("s3", bucket, "pigeonhole"), settings);
    }

    @Override
    public ServerProcess process() {
        return process;
    }
}
