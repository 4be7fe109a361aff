package io.ternmq.kafka.codec;

/**
 * One Kafka API written as data: its request and response schemas, the versions those schemas are written for, and
 * the versions that use the flexible encoding (compact types, tagged fields, request header v2, response header v1).
 *
 * @param apiKey            the API key on the wire
 * @param name              Kafka's name for it, e.g. {@code "Produce"}
 * @param validVersions     the versions the schemas describe (what this codec can read and write)
 * @param flexibleVersions  the versions encoded per KIP-482
 * @param request           the request body schema
 * @param response          the response body schema
 */
public record ApiSpec(short apiKey, String name, VersionRange validVersions, VersionRange flexibleVersions,
                      Schema request, Schema response) {

    public static ApiSpec of(int apiKey, String name, VersionRange validVersions, VersionRange flexibleVersions,
                             Schema request, Schema response) {
        return new ApiSpec((short) apiKey, name, validVersions, flexibleVersions, request, response);
    }

    public boolean isFlexible(int version) {
        return flexibleVersions.contains(version);
    }
}
