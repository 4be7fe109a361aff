package io.ternmq.kafka.codec.api;

import io.ternmq.kafka.codec.ApiSpec;
import io.ternmq.kafka.codec.Field;
import io.ternmq.kafka.codec.Schema;
import io.ternmq.kafka.codec.Struct;
import io.ternmq.kafka.codec.VersionRange;

import java.util.List;

/**
 * ApiVersions (key 18), versions 0-3: request and response schemas with a typed {@link Field} handle per field.
 * Field order, types, versions, nullable versions, defaults and tags follow Kafka's
 * {@code ApiVersionsRequest.json} and
 * {@code ApiVersionsResponse.json}; fields that exist only outside versions 0-3 are left out.
 */
public final class ApiVersionsApi {
    private ApiVersionsApi() {
    }

    public static final class Request {
        private Request() {
        }

        public static final Field<String> CLIENT_SOFTWARE_NAME = Field.string("ClientSoftwareName").versions(3);
        public static final Field<String> CLIENT_SOFTWARE_VERSION = Field.string("ClientSoftwareVersion").versions(3);
        public static final Schema SCHEMA = new Schema("ApiVersionsRequest",
                CLIENT_SOFTWARE_NAME, CLIENT_SOFTWARE_VERSION);
    }

    public static final class Response {
        private Response() {
        }

        public static final class ApiVersion {
            private ApiVersion() {
            }

            public static final Field<Short> API_KEY = Field.int16("ApiKey");
            public static final Field<Short> MIN_VERSION = Field.int16("MinVersion");
            public static final Field<Short> MAX_VERSION = Field.int16("MaxVersion");
            public static final Schema SCHEMA = new Schema("ApiVersion", API_KEY, MIN_VERSION, MAX_VERSION);
        }

        public static final class SupportedFeatureKey {
            private SupportedFeatureKey() {
            }

            public static final Field<String> NAME = Field.string("Name").versions(3);
            public static final Field<Short> MIN_VERSION = Field.int16("MinVersion").versions(3);
            public static final Field<Short> MAX_VERSION = Field.int16("MaxVersion").versions(3);
            public static final Schema SCHEMA = new Schema("SupportedFeatureKey", NAME, MIN_VERSION, MAX_VERSION);
        }

        public static final class FinalizedFeatureKey {
            private FinalizedFeatureKey() {
            }

            public static final Field<String> NAME = Field.string("Name").versions(3);
            public static final Field<Short> MAX_VERSION_LEVEL = Field.int16("MaxVersionLevel").versions(3);
            public static final Field<Short> MIN_VERSION_LEVEL = Field.int16("MinVersionLevel").versions(3);
            public static final Schema SCHEMA = new Schema("FinalizedFeatureKey",
                    NAME, MAX_VERSION_LEVEL, MIN_VERSION_LEVEL);
        }

        public static final Field<Short> ERROR_CODE = Field.int16("ErrorCode");
        public static final Field<List<Struct>> API_KEYS = Field.array("ApiKeys", ApiVersion.SCHEMA);
        public static final Field<Integer> THROTTLE_TIME_MS = Field.int32("ThrottleTimeMs").versions(1);
        public static final Field<List<Struct>> SUPPORTED_FEATURES =
                Field.array("SupportedFeatures", SupportedFeatureKey.SCHEMA).versions(3).tagged(0, 3);
        public static final Field<Long> FINALIZED_FEATURES_EPOCH =
                Field.int64("FinalizedFeaturesEpoch").versions(3).tagged(1, 3).defaultValue(-1L);
        public static final Field<List<Struct>> FINALIZED_FEATURES =
                Field.array("FinalizedFeatures", FinalizedFeatureKey.SCHEMA).versions(3).tagged(2, 3);
        public static final Field<Boolean> ZK_MIGRATION_READY = Field.bool("ZkMigrationReady").versions(3).tagged(3, 3);
        public static final Schema SCHEMA = new Schema("ApiVersionsResponse",
                ERROR_CODE, API_KEYS, THROTTLE_TIME_MS, SUPPORTED_FEATURES, FINALIZED_FEATURES_EPOCH,
                FINALIZED_FEATURES, ZK_MIGRATION_READY);
    }

    public static final ApiSpec SPEC = ApiSpec.of(18, "ApiVersions", VersionRange.between(0, 3), VersionRange.from(3),
            Request.SCHEMA, Response.SCHEMA);
}
