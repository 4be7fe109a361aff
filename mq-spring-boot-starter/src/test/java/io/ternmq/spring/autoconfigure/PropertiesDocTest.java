package io.ternmq.spring.autoconfigure;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The properties table of docs/spring-boot.md, between {@code <!-- BEGIN GENERATED: properties -->} and
 * {@code <!-- END GENERATED: properties -->}, must equal what this test renders from the configuration metadata the
 * annotation processor wrote (target/classes/META-INF/spring-configuration-metadata.json). Run with
 * {@code -Dternmq.docs.regenerate=true} to rewrite it in place instead of failing.
 */
class PropertiesDocTest {
    /** Surefire runs in the module directory; the docs live beside the modules. */
    private static final Path DOC = Path.of("..", "docs", "spring-boot.md");
    private static final Path METADATA = Path.of("target", "classes", "META-INF", "spring-configuration-metadata.json");
    private static final String REGENERATE = "ternmq.docs.regenerate";
    private static final String BEGIN = "<!-- BEGIN GENERATED: properties -->\n";
    private static final String END = "<!-- END GENERATED: properties -->";

    @Test
    void propertiesTableMatchesTheConfigurationMetadata() throws IOException {
        String expected = render(JsonMapper.builder().build().readTree(Files.readString(METADATA)));
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int from = doc.indexOf(BEGIN);
        int to = doc.indexOf(END);
        assertTrue(from >= 0 && to > from, DOC.toAbsolutePath().normalize() + " lacks the markers " + BEGIN.trim()
                + " ... " + END);
        String actual = doc.substring(from + BEGIN.length(), to);
        if (Boolean.getBoolean(REGENERATE) && !expected.equals(actual)) {
            Files.writeString(DOC, doc.substring(0, from + BEGIN.length()) + expected + doc.substring(to),
                    StandardCharsets.UTF_8);
            return;
        }
        assertEquals(expected, actual, "docs/spring-boot.md's properties table is out of date; regenerate with: "
                + "./mvnw -B -ntp -o -pl mq-spring-boot-starter -am verify -Dsurefire.failIfNoSpecifiedTests=false "
                + "-Dtest=PropertiesDocTest -D" + REGENERATE + "=true");
    }

    @Test
    void everyPropertyHasADescription() throws IOException {
        JsonNode metadata = JsonMapper.builder().build().readTree(Files.readString(METADATA));
        List<String> undocumented = new ArrayList<>();
        for (JsonNode p : metadata.get("properties")) {
            if (!p.has("description") || p.get("description").asString().isBlank()) {
                undocumented.add(p.get("name").asString());
            }
        }
        assertTrue(undocumented.isEmpty(), "properties without javadoc on their field: " + undocumented);
        assertFalse(metadata.get("properties").isEmpty());
    }

    /** One markdown table, sorted by property name. */
    static String render(JsonNode metadata) {
        List<JsonNode> properties = new ArrayList<>();
        metadata.get("properties").forEach(properties::add);
        properties.sort(Comparator.comparing(p -> p.get("name").asString()));
        StringBuilder out = new StringBuilder();
        out.append("| Property | Type | Default | Description |\n");
        out.append("|---|---|---|---|\n");
        for (JsonNode p : properties) {
            out.append("| `").append(p.get("name").asString()).append("` | ")
                    .append(simpleType(p.get("type").asString())).append(" | ")
                    .append(p.has("defaultValue") ? "`" + p.get("defaultValue").asString() + "`" : "").append(" | ")
                    .append(cell(p.has("description") ? p.get("description").asString() : "")).append(" |\n");
        }
        return out.toString();
    }

    private static String simpleType(String type) {
        return switch (type) {
            case "java.lang.String" -> "String";
            case "java.lang.Boolean" -> "boolean";
            case "java.lang.Integer" -> "int";
            case "java.lang.Long" -> "long";
            case "java.time.Duration" -> "Duration";
            case "org.springframework.util.unit.DataSize" -> "DataSize";
            // generic types keep their shape without packages, in backticks so markdown leaves the <> alone
            default -> type.contains("<") ? "`" + type.replaceAll("\\b[a-z][\\w]*\\.", "").replace('$', '.') + "`"
                    : type.substring(type.lastIndexOf('.') + 1);
        };
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
