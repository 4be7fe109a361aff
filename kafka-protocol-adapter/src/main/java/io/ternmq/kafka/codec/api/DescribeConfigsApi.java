package io.ternmq.kafka.codec.api;

import io.ternmq.kafka.codec.ApiSpec;
import io.ternmq.kafka.codec.Field;
import io.ternmq.kafka.codec.FieldType;
import io.ternmq.kafka.codec.Schema;
import io.ternmq.kafka.codec.Struct;
import io.ternmq.kafka.codec.VersionRange;

import java.util.List;

/**
 * DescribeConfigs (key 32), versions 1-3: request and response schemas with a typed {@link Field} handle per field.
 * Field order, types, versions, nullable versions, defaults and tags follow Kafka's
 * {@code DescribeConfigsRequest.json} and
 * {@code DescribeConfigsResponse.json}; fields that exist only outside versions 1-3 are left out.
 */
public final class DescribeConfigsApi {
    private DescribeConfigsApi() {
    }

    public static final class Request {
        private Request() {
        }

        public static final class DescribeConfigsResource {
            private DescribeConfigsResource() {
            }

            public static final Field<Byte> RESOURCE_TYPE = Field.int8("ResourceType");
            public static final Field<String> RESOURCE_NAME = Field.string("ResourceName");
            public static final Field<List<String>> CONFIGURATION_KEYS =
                    Field.arrayOf("ConfigurationKeys", FieldType.STRING).nullable(0);
            public static final Schema SCHEMA = new Schema("DescribeConfigsResource",
                    RESOURCE_TYPE, RESOURCE_NAME, CONFIGURATION_KEYS);
        }

        public static final Field<List<Struct>> RESOURCES = Field.array("Resources", DescribeConfigsResource.SCHEMA);
        public static final Field<Boolean> INCLUDE_SYNONYMS = Field.bool("IncludeSynonyms").versions(1);
        public static final Field<Boolean> INCLUDE_DOCUMENTATION = Field.bool("IncludeDocumentation").versions(3);
        public static final Schema SCHEMA = new Schema("DescribeConfigsRequest",
                RESOURCES, INCLUDE_SYNONYMS, INCLUDE_DOCUMENTATION);
    }

    public static final class Response {
        private Response() {
        }

        public static final class DescribeConfigsResult {
            private DescribeConfigsResult() {
            }

            public static final Field<Short> ERROR_CODE = Field.int16("ErrorCode");
            public static final Field<String> ERROR_MESSAGE = Field.string("ErrorMessage").nullable(0);
            public static final Field<Byte> RESOURCE_TYPE = Field.int8("ResourceType");
            public static final Field<String> RESOURCE_NAME = Field.string("ResourceName");
            public static final Field<List<Struct>> CONFIGS =
                    Field.array("Configs", DescribeConfigsResourceResult.SCHEMA);
            public static final Schema SCHEMA = new Schema("DescribeConfigsResult",
                    ERROR_CODE, ERROR_MESSAGE, RESOURCE_TYPE, RESOURCE_NAME, CONFIGS);
        }

        public static final class DescribeConfigsResourceResult {
            private DescribeConfigsResourceResult() {
            }

            public static final Field<String> NAME = Field.string("Name");
            public static final Field<String> VALUE = Field.string("Value").nullable(0);
            public static final Field<Boolean> READ_ONLY = Field.bool("ReadOnly");
            public static final Field<Byte> CONFIG_SOURCE =
                    Field.int8("ConfigSource").versions(1).defaultValue((byte) -1);
            public static final Field<Boolean> IS_SENSITIVE = Field.bool("IsSensitive");
            public static final Field<List<Struct>> SYNONYMS =
                    Field.array("Synonyms", DescribeConfigsSynonym.SCHEMA).versions(1);
            public static final Field<Byte> CONFIG_TYPE = Field.int8("ConfigType").versions(3);
            public static final Field<String> DOCUMENTATION = Field.string("Documentation").versions(3).nullable(0);
            public static final Schema SCHEMA = new Schema("DescribeConfigsResourceResult",
                    NAME, VALUE, READ_ONLY, CONFIG_SOURCE, IS_SENSITIVE, SYNONYMS, CONFIG_TYPE, DOCUMENTATION);
        }

        public static final class DescribeConfigsSynonym {
            private DescribeConfigsSynonym() {
            }

            public static final Field<String> NAME = Field.string("Name").versions(1);
            public static final Field<String> VALUE = Field.string("Value").versions(1).nullable(0);
            public static final Field<Byte> SOURCE = Field.int8("Source").versions(1);
            public static final Schema SCHEMA = new Schema("DescribeConfigsSynonym", NAME, VALUE, SOURCE);
        }

        public static final Field<Integer> THROTTLE_TIME_MS = Field.int32("ThrottleTimeMs");
        public static final Field<List<Struct>> RESULTS = Field.array("Results", DescribeConfigsResult.SCHEMA);
        public static final Schema SCHEMA = new Schema("DescribeConfigsResponse", THROTTLE_TIME_MS, RESULTS);
    }

    public static final ApiSpec SPEC =
            ApiSpec.of(32, "DescribeConfigs", VersionRange.between(1, 3), VersionRange.from(4),
            Request.SCHEMA, Response.SCHEMA);
}
