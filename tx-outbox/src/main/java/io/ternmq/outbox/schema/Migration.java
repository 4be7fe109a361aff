package io.ternmq.outbox.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One versioned migration script, {@code V<version>__<name>.sql}: statements separated by a {@code ;} at the end
 * of a line, {@code --} comment lines allowed. The checksum is the SHA-256 of the script with its line endings
 * normalised, so a checkout with CRLF line endings does not count as a change.
 *
 * @param version  the number after the {@code V}
 * @param name     the file name, e.g. {@code V1__transaction_log.sql}
 * @param script   the script text
 * @param checksum hex SHA-256 of the normalised script
 */
record Migration(int version, String name, String script, String checksum) {
    private static final Pattern FILE_NAME = Pattern.compile("V([1-9][0-9]*)__[A-Za-z0-9_]+\\.sql");
    private static final Pattern STATEMENT_END = Pattern.compile(";[ \\t]*$", Pattern.MULTILINE);

    /** The scripts shipped with tx-outbox, in version order. Add new files here and under the same folder. */
    static final List<String> BUNDLED = List.of("V1__transaction_log.sql", "V2__idempotency.sql", "V3__outbox.sql");

    /** A migration from its file name and text. */
    static Migration of(String name, String script) {
        Matcher m = FILE_NAME.matcher(name);
        if (!m.matches()) {
            throw new IllegalArgumentException("migration file '" + name + "' is not named V<version>__<name>.sql");
        }
        String normalised = script.replace("\r\n", "\n");
        return new Migration(Integer.parseInt(m.group(1)), name, normalised, sha256(normalised));
    }

    /** The bundled migrations, read from the class path. */
    static List<Migration> bundled() {
        List<Migration> out = new ArrayList<>();
        for (String name : BUNDLED) {
            String resource = "/io/ternmq/outbox/schema/" + name;
            try (InputStream in = Migration.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("migration " + resource + " is missing from the class path");
                }
                out.add(of(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read migration " + resource, e);
            }
        }
        return out;
    }

    /** The script's statements without their terminating {@code ;}; chunks holding only comments are dropped. */
    List<String> statements() {
        List<String> out = new ArrayList<>();
        int start = 0;
        Matcher end = STATEMENT_END.matcher(script);
        while (end.find()) {
            add(out, script.substring(start, end.start()));
            start = end.end();
        }
        add(out, script.substring(start));
        return out;
    }

    private static void add(List<String> out, String chunk) {
        boolean hasSql = chunk.lines().map(String::strip).anyMatch(l -> !l.isEmpty() && !l.startsWith("--"));
        if (hasSql) {
            out.add(chunk.strip());
        }
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
