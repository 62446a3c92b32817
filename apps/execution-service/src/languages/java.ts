import type { EntryPoint, ValueType } from '@peerprep/contracts';
import { MARKER_PREFIX_LITERAL, TESTS_FILE } from './driver-protocol';

/** The Java type of each value type (as in the starter code) and the driver's converter for it. */
const JAVA_TYPES: Record<ValueType, [type: string, converter: string]> = {
  int: ['int', 'toInt'],
  long: ['long', 'toLong'],
  double: ['double', 'toDouble'],
  bool: ['boolean', 'toBool'],
  string: ['String', 'toStr'],
  'int[]': ['int[]', 'toIntArray'],
  'long[]': ['long[]', 'toLongArray'],
  'double[]': ['double[]', 'toDoubleArray'],
  'bool[]': ['boolean[]', 'toBoolArray'],
  'string[]': ['String[]', 'toStrArray'],
  'int[][]': ['int[][]', 'toIntMatrix'],
  'double[][]': ['double[][]', 'toDoubleMatrix'],
  'bool[][]': ['boolean[][]', 'toBoolMatrix'],
  'string[][]': ['String[][]', 'toStrMatrix'],
};

export const JAVA_DRIVER_CLASS = 'PeerprepMain';

/** The generated driver: a class of its own beside the user's `Solution`, with a small JSON reader and writer. */
export function javaDriver(entryPoint: EntryPoint): string {
  const conversions = entryPoint.params
    .map((param, index) => {
      const [type, converter] = JAVA_TYPES[param.type];
      return `      ${type} p${index} = Json.${converter}(args.get(${index}));`;
    })
    .join('\n');
  const call = `new Solution().${entryPoint.functionName}(${entryPoint.params.map((_p, index) => `p${index}`).join(', ')})`;
  return String.raw`import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;

public class ${JAVA_DRIVER_CLASS} {
  static PrintStream channel;

  static void send(String line) {
    channel.print(line + "\n");
    channel.flush();
  }

  static String describe(Throwable error) {
    return error.getClass().getName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
  }

  static String run(List<Object> args) {
${conversions}
    long began = System.nanoTime();
    ${JAVA_TYPES[entryPoint.returnType][0]} result = ${call};
    double ms = (System.nanoTime() - began) / 1e6;
    StringBuilder out = new StringBuilder();
    Json.write(out, result);
    return ms + ",\"value\":" + out;
  }

  public static void main(String[] argv) throws Exception {
    // fd 3 is a socket (Node's stdio pipes are socketpairs), which /proc/self/fd/3 cannot reopen.
    FileDescriptor fd3 = new FileDescriptor();
    java.lang.reflect.Field fdField = FileDescriptor.class.getDeclaredField("fd");
    fdField.setAccessible(true);
    fdField.setInt(fd3, 3);
    channel = new PrintStream(new FileOutputStream(fd3), false, StandardCharsets.UTF_8);
    int start = Integer.parseInt(argv[0]);
    int count = Integer.parseInt(argv[1]);
    List<Object> tests = Json.asList(Json.parse(new String(Files.readAllBytes(Paths.get("${TESTS_FILE}")), StandardCharsets.UTF_8)));
    for (int i = start; i < Math.min(start + count, tests.size()); i++) {
      System.out.flush();
      System.err.flush();
      System.out.print("${MARKER_PREFIX_LITERAL}" + i + "\n");
      System.err.print("${MARKER_PREFIX_LITERAL}" + i + "\n");
      System.out.flush();
      System.err.flush();
      send("{\"t\":\"start\",\"i\":" + i + "}");
      long began = System.nanoTime();
      try {
        String done = run(Json.asList(tests.get(i)));
        send("{\"t\":\"done\",\"i\":" + i + ",\"ms\":" + done + "}");
      } catch (Throwable error) {
        double ms = (System.nanoTime() - began) / 1e6;
        error.printStackTrace();
        StringBuilder message = new StringBuilder();
        Json.write(message, describe(error));
        send("{\"t\":\"error\",\"i\":" + i + ",\"ms\":" + ms + ",\"error\":" + message + "}");
      }
    }
    System.out.flush();
    System.err.flush();
  }

  static final class Json {
    private final String text;
    private int at;

    private Json(String text) {
      this.text = text;
    }

    static Object parse(String text) {
      Json parser = new Json(text);
      Object value = parser.value();
      return value;
    }

    private void skip() {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) at++;
    }

    private Object value() {
      skip();
      char c = text.charAt(at);
      if (c == '[') {
        at++;
        List<Object> items = new ArrayList<>();
        skip();
        if (text.charAt(at) == ']') {
          at++;
          return items;
        }
        while (true) {
          items.add(value());
          skip();
          if (text.charAt(at++) == ']') return items;
        }
      }
      if (c == '"') return string();
      if (text.startsWith("true", at)) {
        at += 4;
        return Boolean.TRUE;
      }
      if (text.startsWith("false", at)) {
        at += 5;
        return Boolean.FALSE;
      }
      if (text.startsWith("null", at)) {
        at += 4;
        return null;
      }
      int begin = at;
      boolean real = false;
      while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
        if ("eE.".indexOf(text.charAt(at)) >= 0) real = true;
        at++;
      }
      String number = text.substring(begin, at);
      return real ? (Object) Double.valueOf(number) : (Object) Long.valueOf(number);
    }

    private String string() {
      StringBuilder out = new StringBuilder();
      at++;
      while (true) {
        char c = text.charAt(at++);
        if (c == '"') return out.toString();
        if (c != '\\') {
          out.append(c);
          continue;
        }
        char e = text.charAt(at++);
        switch (e) {
          case 'n': out.append('\n'); break;
          case 't': out.append('\t'); break;
          case 'r': out.append('\r'); break;
          case 'b': out.append('\b'); break;
          case 'f': out.append('\f'); break;
          case 'u': out.append((char) Integer.parseInt(text.substring(at, at + 4), 16)); at += 4; break;
          default: out.append(e);
        }
      }
    }

    @SuppressWarnings("unchecked")
    static List<Object> asList(Object value) {
      return (List<Object>) value;
    }

    static int toInt(Object value) { return ((Number) value).intValue(); }
    static long toLong(Object value) { return ((Number) value).longValue(); }
    static double toDouble(Object value) { return ((Number) value).doubleValue(); }
    static boolean toBool(Object value) { return (Boolean) value; }
    static String toStr(Object value) { return (String) value; }

    static int[] toIntArray(Object value) {
      List<Object> items = asList(value);
      int[] out = new int[items.size()];
      for (int i = 0; i < out.length; i++) out[i] = toInt(items.get(i));
      return out;
    }
    static long[] toLongArray(Object value) {
      List<Object> items = asList(value);
      long[] out = new long[items.size()];
      for (int i = 0; i < out.length; i++) out[i] = toLong(items.get(i));
      return out;
    }
    static double[] toDoubleArray(Object value) {
      List<Object> items = asList(value);
      double[] out = new double[items.size()];
      for (int i = 0; i < out.length; i++) out[i] = toDouble(items.get(i));
      return out;
    }
    static boolean[] toBoolArray(Object value) {
      List<Object> items = asList(value);
      boolean[] out = new boolean[items.size()];
      for (int i = 0; i < out.length; i++) out[i] = toBool(items.get(i));
      return out;
    }
    static String[] toStrArray(Object value) {
      List<Object> items = asList(value);
      String[] out = new String[items.size()];
      for (int i = 0; i < out.length; i++) out[i] = toStr(items.get(i));
      return out;
    }
    static int[][] toIntMatrix(Object value) {
      List<Object> items = asList(value);
      int[][] out = new int[items.size()][];
      for (int i = 0; i < out.length; i++) out[i] = toIntArray(items.get(i));
      return out;
    }
    static double[][] toDoubleMatrix(Object value) {
      List<Object> items = asList(value);
      double[][] out = new double[items.size()][];
      for (int i = 0; i < out.length; i++) out[i] = toDoubleArray(items.get(i));
      return out;
    }
    static boolean[][] toBoolMatrix(Object value) {
      List<Object> items = asList(value);
      boolean[][] out = new boolean[items.size()][];
      for (int i = 0; i < out.length; i++) out[i] = toBoolArray(items.get(i));
      return out;
    }
    static String[][] toStrMatrix(Object value) {
      List<Object> items = asList(value);
      String[][] out = new String[items.size()][];
      for (int i = 0; i < out.length; i++) out[i] = toStrArray(items.get(i));
      return out;
    }

    static void write(StringBuilder out, int value) { out.append(value); }
    static void write(StringBuilder out, long value) { out.append(value); }
    static void write(StringBuilder out, double value) {
      if (Double.isNaN(value) || Double.isInfinite(value)) out.append("null");
      else out.append(value);
    }
    static void write(StringBuilder out, boolean value) { out.append(value); }
    static void write(StringBuilder out, String value) {
      if (value == null) {
        out.append("null");
        return;
      }
      out.append('"');
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c == '"' || c == '\\') out.append('\\').append(c);
        else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
        else out.append(c);
      }
      out.append('"');
    }
    static void write(StringBuilder out, int[] values) {
      if (values == null) { out.append("null"); return; }
      out.append('[');
      for (int i = 0; i < values.length; i++) { if (i > 0) out.append(','); write(out, values[i]); }
      out.append(']');
    }
    static void write(StringBuilder out, long[] values) {
      if (values == null) { out.append("null"); return; }
      out.append('[');
      for (int i = 0; i < values.length; i++) { if (i > 0) out.append(','); write(out, values[i]); }
      out.append(']');
    }
    static void write(StringBuilder out, double[] values) {
      if (values == null) { out.append("null"); return; }
      out.append('[');
      for (int i = 0; i < values.length; i++) { if (i > 0) out.append(','); write(out, values[i]); }
      out.append(']');
    }
    static void write(StringBuilder out, boolean[] values) {
      if (values == null) { out.append("null"); return; }
      out.append('[');
      for (int i = 0; i < values.length; i++) { if (i > 0) out.append(','); write(out, values[i]); }
      out.append(']');
    }
    static void write(StringBuilder out, Object[] values) {
      if (values == null) { out.append("null"); return; }
      out.append('[');
      for (int i = 0; i < values.length; i++) {
        if (i > 0) out.append(',');
        Object value = values[i];
        if (value instanceof String) write(out, (String) value);
        else if (value instanceof int[]) write(out, (int[]) value);
        else if (value instanceof double[]) write(out, (double[]) value);
        else if (value instanceof boolean[]) write(out, (boolean[]) value);
        else if (value instanceof long[]) write(out, (long[]) value);
        else write(out, (Object[]) value);
      }
      out.append(']');
    }
  }
}
`;
}
