package dev.flof.feeds.databento.dbn;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deterministic mutation fuzzing of the decoder over the shared DBN files: bit flips, byte overwrites,
 * truncations, corrupted record and metadata lengths, spliced segments, both on the decompressed DBN bytes and on
 * the compressed bytes. Every mutated input must either decode or raise {@link DbnFormatException}: no other
 * exception, no error, and progress on every record (at least 16 bytes each, so a bounded number of steps). A
 * failing input is written to {@code target/dbn-fuzz-failures/} to be added to {@code src/test/resources/dbn-corpus}.
 *
 * <p>The corpus of earlier crashing or nasty inputs in {@code src/test/resources/dbn-corpus} runs first.
 */
class MutationFuzzTest {
  private static final long SEED = 0xDB7_2026L;
  private static final int MUTATIONS_PER_FILE = 300;
  private static final Path CORPUS = Path.of("src/test/resources/dbn-corpus");

  @Test
  void corpusInputsGiveTypedErrorsOrDecode() throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.list(CORPUS)) {
      files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".md")).sorted()
          .toList();
    }
    assertTrue(files.size() >= 5, "corpus has " + files.size() + " inputs");
    for (Path f : files) {
      byte[] input = Files.readAllBytes(f);
      boolean fragment = f.getFileName().toString().contains("frag");
      Outcome o = decode(input, fragment, f.getFileName().toString());
      if (o.unexpected != null) {
        throw new AssertionError(f + ": " + o.unexpected, o.unexpected);
      }
    }
  }

  @Test
  void mutatedSharedFilesNeverCrashOrHang(@TempDir Path tmp) throws Exception {
    SplittableRandom rnd = new SplittableRandom(SEED);
    long runs = 0;
    long typedErrors = 0;
    List<String> failures = new ArrayList<>();
    for (SharedData.Entry e : SharedData.manifest()) {
      byte[] raw = Files.readAllBytes(e.path());
      byte[] plain = e.isDbz() ? raw : Bytes.decompressed(e.path());
      for (int i = 0; i < MUTATIONS_PER_FILE; i++) {
        boolean onCompressed = e.compressed() && i % 4 == 3;
        byte[] base = onCompressed ? raw : plain;
        byte[] input = mutate(base, rnd, e.isFragment());
        Outcome o = i % 10 == 0 && !e.isFragment() ? decodeFile(input, tmp, e.file() + "#" + i)
            : decode(input, e.isFragment(), e.file() + "#" + i);
        runs++;
        if (o.typed) {
          typedErrors++;
        }
        if (o.unexpected != null) {
          failures.add(e.file() + " mutation " + i + ": " + o.unexpected);
          save(e.file(), i, input);
        }
      }
    }
    if (!failures.isEmpty()) {
      fail(failures.size() + " of " + runs + " mutated inputs crashed the decoder:\n" + String.join("\n", failures));
    }
    // the mutations must actually hit the decoder's checks, or this test proves nothing
    assertTrue(typedErrors > runs / 5, typedErrors + " typed errors in " + runs + " runs");
  }

  record Outcome(boolean typed, Throwable unexpected) {}

  /** As {@link #decode} through a file (memory-mapped when plain). */
  static Outcome decodeFile(byte[] input, Path dir, String name) throws IOException {
    Path f = dir.resolve("mutated.bin");
    Files.write(f, input);
    try {
      return run(() -> DbnScanner.open(f));
    } finally {
      Files.delete(f);
    }
  }

  interface Opener {
    DbnScanner open() throws IOException;
  }

  /** Decodes everything (objects and JSON), checking that every record moves forward. */
  static Outcome decode(byte[] input, boolean fragment, String name) {
    return run(() -> fragment ? DbnScanner.openFragment(new ByteArrayInputStream(input), 0, name)
        : DbnScanner.open(new ByteArrayInputStream(input), name));
  }

  private static Outcome run(Opener opener) {
    try (DbnScanner s = opener.open()) {
      long steps = 0;
      long last = -1;
      while (s.next()) {
        steps++;
        if (s.recordOffset() <= last) {
          return new Outcome(false, new AssertionError("no progress at offset " + s.recordOffset()));
        }
        last = s.recordOffset();
        DbnRecord r = s.view().toRecord();
        DbnJson.record(r, steps, s.recordOffset());
      }
      return new Outcome(false, null);
    } catch (DbnFormatException ex) {
      return new Outcome(true, null);
    } catch (IOException ex) {
      return new Outcome(false, ex);
    } catch (RuntimeException | Error ex) {
      return new Outcome(false, ex);
    }
  }

  static byte[] mutate(byte[] base, SplittableRandom rnd, boolean fragment) {
    byte[] b = base.clone();
    if (b.length == 0) {
      return b;
    }
    int kind = rnd.nextInt(7);
    switch (kind) {
      case 0 -> { // bit flips
        int n = 1 + rnd.nextInt(8);
        for (int i = 0; i < n; i++) {
          int at = rnd.nextInt(b.length);
          b[at] ^= (byte) (1 << rnd.nextInt(8));
        }
      }
      case 1 -> { // random bytes
        int n = 1 + rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
          b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
        }
      }
      case 2 -> b = Arrays.copyOf(b, rnd.nextInt(b.length)); // truncation
      case 3 -> { // a record length byte: 0, tiny, huge or random, at a record-aligned-ish spot
        int at = fragment ? 0 : Math.min(b.length - 1, 8 + (int) Math.min(Bytes.le32(b, 4), b.length));
        at = Math.min(b.length - 1, at + 8 * rnd.nextInt(Math.max(1, (b.length - at) / 8)));
        int[] choices = {0, 1, 2, 3, 4, 255, rnd.nextInt(256)};
        b[at] = (byte) choices[rnd.nextInt(choices.length)];
      }
      case 4 -> { // a u32 anywhere in the metadata: huge counts, lengths
        if (b.length >= 8) {
          int at = rnd.nextInt(Math.min(b.length - 3, 200));
          long[] values = {0xFFFF_FFFFL, 0x7FFF_FFFFL, 0x10000L, 0, 1, rnd.nextInt()};
          Bytes.put32(b, at, values[rnd.nextInt(values.length)]);
        }
      }
      case 5 -> { // splice: copy a segment over another place
        int from = rnd.nextInt(b.length);
        int to = rnd.nextInt(b.length);
        int len = Math.min(rnd.nextInt(64) + 1, Math.min(b.length - from, b.length - to));
        System.arraycopy(base, from, b, to, len);
      }
      default -> { // duplicate a tail segment (extra, possibly misaligned records)
        int from = rnd.nextInt(b.length);
        byte[] longer = Arrays.copyOf(b, b.length + (b.length - from));
        System.arraycopy(b, from, longer, b.length, b.length - from);
        b = longer;
      }
    }
    return b;
  }

  private static void save(String file, int i, byte[] input) {
    try {
      Path dir = Path.of("target/dbn-fuzz-failures");
      Files.createDirectories(dir);
      Files.write(dir.resolve(file.replace('/', '_') + "." + i + ".bin"), input);
    } catch (IOException ignored) {
      // reporting only; the assertion names the input
    }
  }
}
