import type { EntryPoint } from '@peerprep/contracts';
import { MARKER_PREFIX_LITERAL, TESTS_FILE } from './driver-protocol';

/** Python needs no per-type code: the declared types drive one converter (ints stay ints, doubles become floats). */
export function pythonDriver(entryPoint: EntryPoint): string {
  return String.raw`import json, math, os, sys, time, traceback

sys.setrecursionlimit(100000)
sys.path.insert(0, "/src")
PARAM_TYPES = ${JSON.stringify(entryPoint.params.map((param) => param.type))}
RETURN_TYPE = ${JSON.stringify(entryPoint.returnType)}
NAME = ${JSON.stringify(entryPoint.functionName)}
channel = os.fdopen(3, "w")


def send(message):
    channel.write(json.dumps(message, allow_nan=False, ensure_ascii=False) + "\n")
    channel.flush()


def convert(value, kind):
    if kind.endswith("[]"):
        return [convert(item, kind[:-2]) for item in value]
    if kind == "double":
        return float(value)
    return value


def to_json(value, kind):
    if kind.endswith("[]") and isinstance(value, (list, tuple)):
        return [to_json(item, kind[:-2]) for item in value]
    if kind == "double" and isinstance(value, (int, float)) and not isinstance(value, bool):
        value = float(value)
        return value if math.isfinite(value) else None
    return value


def describe(error):
    text = str(error)
    return type(error).__name__ + (": " + text if text else "")


def main():
    start, count = int(sys.argv[1]), int(sys.argv[2])
    with open("${TESTS_FILE}", encoding="utf-8") as tests_file:
        tests = json.load(tests_file)
    call = None
    for i in range(start, min(start + count, len(tests))):
        sys.stdout.flush()
        sys.stderr.flush()
        sys.stdout.write("${MARKER_PREFIX_LITERAL}%d\n" % i)
        sys.stderr.write("${MARKER_PREFIX_LITERAL}%d\n" % i)
        sys.stdout.flush()
        sys.stderr.flush()
        send({"t": "start", "i": i})
        began = time.perf_counter()
        try:
            if call is None:
                import solution

                call = getattr(solution, NAME, None)
                if call is None and hasattr(solution, "Solution"):
                    call = getattr(solution.Solution(), NAME, None)
                if call is None:
                    raise NameError("no function named " + NAME)
            args = [convert(arg, kind) for arg, kind in zip(tests[i], PARAM_TYPES)]
            value = to_json(call(*args), RETURN_TYPE)
            elapsed = (time.perf_counter() - began) * 1000
            line = json.dumps({"t": "done", "i": i, "ms": elapsed, "value": value}, allow_nan=False, ensure_ascii=False)
        except BaseException as error:  # noqa: B902 - SystemExit and KeyboardInterrupt are a solution's errors too
            elapsed = (time.perf_counter() - began) * 1000
            traceback.print_exc()
            send({"t": "error", "i": i, "ms": elapsed, "error": describe(error)})
            continue
        channel.write(line + "\n")
        channel.flush()
    sys.stdout.flush()
    sys.stderr.flush()


main()
`;
}
