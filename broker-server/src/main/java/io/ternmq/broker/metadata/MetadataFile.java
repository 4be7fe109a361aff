package io.ternmq.broker.metadata;

import io.ternmq.broker.store.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small tab-separated metadata file under {@code storePathRootDir/config/}. Layout: UTF-8 text, one record per
 * line, fields separated by a TAB; lines starting with {@code #} are comments (the first one names the format).
 * Field values never contain TAB or line breaks (names are validated by {@link ResourceName}).
 *
 * <p>Crash behaviour: every write replaces the whole file through {@link AtomicFiles#write}, so after a crash the
 * file holds either the previous or the new content. Thread-safe: the write path is synchronized so two writers
 * cannot interleave their temp files.
 */
public final class MetadataFile {
    private final Path path;
    private final String header;
    private final int minFields;
    private final int maxFields;

    /**
     * @param path   the file
     * @param header the format line written first, e.g. "topic queueNums perm order"
     * @param fields number of fields per record; lines with another count are rejected on load
     */
    public MetadataFile(Path path, String header, int fields) {
        this(path, header, fields, fields);
    }

    /**
     * A file whose records may carry trailing optional fields, so a format can grow a field and still read the files
     * written before it.
     *
     * @param minFields fewest fields per record
     * @param maxFields most fields per record; lines outside [minFields, maxFields] are rejected on load
     */
    public MetadataFile(Path path, String header, int minFields, int maxFields) {
        this.path = path;
        this.header = header;
        this.minFields = minFields;
        this.maxFields = maxFields;
    }

    public Path path() {
        return path;
    }

    /**
     * Reads every record; an absent file has none.
     *
     * @throws UncheckedIOException on I/O errors or a malformed line (with the line number)
     */
    public List<String[]> load() {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        List<String[]> records = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] record = line.split("\t", -1);
            if (record.length < minFields || record.length > maxFields) {
                String expected = minFields == maxFields ? Integer.toString(minFields) : minFields + " to " + maxFields;
                throw new UncheckedIOException(new IOException(path + ":" + (i + 1) + ": expected " + expected
                        + " tab-separated fields, found " + record.length));
            }
            records.add(record);
        }
        return records;
    }

    /** Replaces the file atomically with these records. */
    public synchronized void save(List<String[]> records) {
        StringBuilder text = new StringBuilder("# ").append(header).append('\n');
        for (String[] record : records) {
            text.append(String.join("\t", record)).append('\n');
        }
        try {
            Files.createDirectories(path.getParent());
            AtomicFiles.write(path, text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }
}
