package dev.pigeonhole.store;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/** How to reach S3: an optional endpoint of an S3-compatible server (path-style), the region and the credentials. */
public record S3Settings(Optional<URI> endpoint, Region region, AwsCredentialsProvider credentials) {

    public S3Settings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(credentials, "credentials");
    }

    /**
     * The SDK's standard settings: AWS_ENDPOINT_URL_S3, else AWS_ENDPOINT_URL, as endpoint; the default region and
     * credentials chains. Without a configured region an S3-compatible endpoint gets us-east-1, which such servers accept.
     */
    public static S3Settings fromEnvironment(Map<String, String> environment) {
        Optional<URI> endpoint = firstSet(environment, "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL").map(value -> {
            try {
                return URI.create(value);
            } catch (IllegalArgumentException e) {
                throw new StoreException("the S3 endpoint '" + value + "' is not a URL: " + e.getMessage(), e);
            }
        });
        Region region;
        try {
            region = new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException e) {
            if (endpoint.isEmpty()) {
                throw new StoreException("no AWS region is configured for the S3 store: set AWS_REGION", e);
            }
            region = Region.US_EAST_1;
        }
        return new S3Settings(endpoint, region, DefaultCredentialsProvider.builder().build());
    }

    private static Optional<String> firstSet(Map<String, String> environment, String... names) {
        for (String name : names) {
            String value = environment.get(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(value.strip());
            }
        }
        return Optional.empty();
    }
}
