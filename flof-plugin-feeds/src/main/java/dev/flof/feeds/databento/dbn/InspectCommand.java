package dev.flof.feeds.databento.dbn;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code flof data inspect FILE [--limit N]}: prints the metadata line and one JSON line per record in the
 * conventions of the expected decodings (see {@link DbnJson}), so output and golden files can be diffed. Records
 * of unknown layout are printed with {@code raw_hex}. On corrupt input the records before the damage are printed,
 * then the error (with its byte offset) goes to stderr and the exit code is 1.
 *
 * <p>Wired into the CLI by calling {@link #run(String[], PrintStream, PrintStream)} with the arguments after
 * {@code inspect}.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
    description = "Print a DBN file (plain, zstd, DBZ or fragment) as JSON lines: metadata, then one line per record.")
public final class InspectCommand implements Callable<Integer> {
  private static final Pattern FRAG_VERSION = Pattern.compile("\\.v(\\d)\\.dbn\\.frag");

  @Parameters(index = "0", paramLabel = "FILE", description = "DBN file")
  Path file;

  @Option(names = "--limit", paramLabel = "N", description = "print at most N records")
  long limit = -1;

  @Option(names = "--fragment", paramLabel = "VERSION",
      description = "the file holds records without metadata written with this DBN version (0 = infer); "
          + "default: names containing .frag are fragments")
  Integer fragmentVersion;

  private PrintStream out;
  private PrintStream err;

  /** Runs the command; returns the exit code (0 ok, 1 input error, 2 usage). */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    InspectCommand cmd = new InspectCommand();
    cmd.out = out;
    cmd.err = err;
    CommandLine cl = new CommandLine(cmd);
    cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    return cl.execute(args);
  }

  @Override
  public Integer call() {
    try {
      inspect(file, limit, fragmentVersion, out);
      return 0;
    } catch (DbnFormatException e) {
      out.flush();
      err.println("error: " + e.getMessage());
      return 1;
    } catch (IOException e) {
      out.flush();
      err.println("error: " + file + ": " + e);
      return 1;
    }
  }

  /**
   * Prints {@code file} to {@code out}.
   *
   * @param limit maximum number of records, negative for all
   * @param fragmentVersion null to decide by the file name, else fragment mode with this version
   */
  public static void inspect(Path file, long limit, Integer fragmentVersion, PrintStream out) throws IOException {
    Integer frag = fragmentVersion;
    String fn = file.getFileName().toString();
    if (frag == null && fn.contains(".frag")) {
      Matcher m = FRAG_VERSION.matcher(fn);
      frag = m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
    try (DbnScanner s = frag != null ? DbnScanner.openFragment(file, frag) : DbnScanner.open(file)) {
      String meta = DbnJson.metadata(s, s.metadata() == null || s.isDbz() ? -1 : decompressedSize(file));
      if (meta != null) {
        out.println(meta);
      }
      long index = 0;
      while ((limit < 0 || index < limit) && s.next()) {
        out.println(DbnJson.record(s.view().toRecord(), index, s.recordOffset()));
        index++;
      }
    }
  }

  /** Size of the decompressed stream (the file size when plain); -1 when the zstd data is broken. */
  public static long decompressedSize(Path file) throws IOException {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
      raw.mark(4);
      byte[] head = raw.readNBytes(4);
      raw.reset();
      int magic = head.length == 4
          ? (head[0] & 0xFF) | (head[1] & 0xFF) << 8 | (head[2] & 0xFF) << 16 | (head[3] & 0xFF) << 24 : 0;
      if (magic != DbnScanner.ZSTD_MAGIC) {
        return Files.size(file);
      }
      try (InputStream z = new ZstdInputStreamNoFinalizer(raw)) {
        byte[] chunk = new byte[1 << 16];
        long total = 0;
        for (int r; (r = z.read(chunk)) >= 0; ) {
          total += r;
        }
        return total;
      } catch (IOException e) {
        return -1;
      }
    }
  }
}
