import type { EntryPoint, ValueType } from '@peerprep/contracts';
import { TESTS_FILE } from './driver-protocol';

/** The C++ type of each value type, as in the starter code. */
const CPP_TYPES: Record<ValueType, string> = {
  int: 'int',
  long: 'long long',
  double: 'double',
  bool: 'bool',
  string: 'std::string',
  'int[]': 'std::vector<int>',
  'long[]': 'std::vector<long long>',
  'double[]': 'std::vector<double>',
  'bool[]': 'std::vector<bool>',
  'string[]': 'std::vector<std::string>',
  'int[][]': 'std::vector<std::vector<int>>',
  'double[][]': 'std::vector<std::vector<double>>',
  'bool[][]': 'std::vector<std::vector<bool>>',
  'string[][]': 'std::vector<std::vector<std::string>>',
};

/**
 * One translation unit: the driver's headers, the user's file included as is
 * (so the compiler's messages name solution.cpp and the user's own lines),
 * then the driver in a namespace of its own with a small JSON reader/writer.
 */
export function cppDriver(entryPoint: EntryPoint): string {
  const conversions = entryPoint.params
    .map((param, index) => `  ${CPP_TYPES[param.type]} p${index}; from_json(args.items.at(${index}), p${index});`)
    .join('\n');
  const call = `solution.${entryPoint.functionName}(${entryPoint.params.map((_p, index) => `p${index}`).join(', ')})`;
  return String.raw`#include <chrono>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <new>
#include <sstream>
#include <stdexcept>
#include <string>
#include <typeinfo>
#include <vector>
#include "solution.cpp"

namespace peerprep_driver {

struct Json {
  enum Kind { Null, Bool, Integer, Real, String, Array } kind = Null;
  bool boolean = false;
  long long integer = 0;
  double real = 0;
  std::string text;
  std::vector<Json> items;
};

struct Parser {
  const std::string& in;
  size_t at = 0;
  void skip() { while (at < in.size() && std::isspace(static_cast<unsigned char>(in[at]))) at++; }
  static void utf8(std::string& out, unsigned code) {
    if (code < 0x80) out += static_cast<char>(code);
    else if (code < 0x800) { out += static_cast<char>(0xC0 | (code >> 6)); out += static_cast<char>(0x80 | (code & 0x3F)); }
    else if (code < 0x10000) {
      out += static_cast<char>(0xE0 | (code >> 12));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (code >> 18));
      out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    }
  }
  Json value() {
    skip();
    Json out;
    char c = in.at(at);
    if (c == '[') {
      out.kind = Json::Array;
      at++;
      skip();
      if (in.at(at) == ']') { at++; return out; }
      while (true) {
        out.items.push_back(value());
        skip();
        if (in.at(at++) == ']') return out;
      }
    }
    if (c == '"') {
      out.kind = Json::String;
      at++;
      while (true) {
        char ch = in.at(at++);
        if (ch == '"') return out;
        if (ch != '\\') { out.text += ch; continue; }
        char e = in.at(at++);
        if (e == 'n') out.text += '\n';
        else if (e == 't') out.text += '\t';
        else if (e == 'r') out.text += '\r';
        else if (e == 'b') out.text += '\b';
        else if (e == 'f') out.text += '\f';
        else if (e == 'u') {
          unsigned code = std::stoul(in.substr(at, 4), nullptr, 16);
          at += 4;
          if (code >= 0xD800 && code < 0xDC00 && in.compare(at, 2, "\\u") == 0) {
            unsigned low = std::stoul(in.substr(at + 2, 4), nullptr, 16);
            at += 6;
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
          }
          utf8(out.text, code);
        } else out.text += e;
      }
    }
    if (in.compare(at, 4, "true") == 0) { at += 4; out.kind = Json::Bool; out.boolean = true; return out; }
    if (in.compare(at, 5, "false") == 0) { at += 5; out.kind = Json::Bool; return out; }
    if (in.compare(at, 4, "null") == 0) { at += 4; return out; }
    size_t begin = at;
    bool real = false;
    while (at < in.size() && std::string("+-0123456789.eE").find(in[at]) != std::string::npos) {
      if (in[at] == '.' || in[at] == 'e' || in[at] == 'E') real = true;
      at++;
    }
    std::string number = in.substr(begin, at - begin);
    if (real) { out.kind = Json::Real; out.real = std::stod(number); }
    else { out.kind = Json::Integer; out.integer = std::stoll(number); out.real = static_cast<double>(out.integer); }
    return out;
  }
};

inline void from_json(const Json& j, int& out) { out = static_cast<int>(j.integer); }
inline void from_json(const Json& j, long long& out) { out = j.integer; }
inline void from_json(const Json& j, double& out) { out = j.real; }
inline void from_json(const Json& j, bool& out) { out = j.boolean; }
inline void from_json(const Json& j, std::string& out) { out = j.text; }
template <typename T>
void from_json(const Json& j, std::vector<T>& out) {
  out.clear();
  for (const Json& item : j.items) { T value; from_json(item, value); out.push_back(value); }
}

inline void write(std::ostream& out, int value) { out << value; }
inline void write(std::ostream& out, long long value) { out << value; }
inline void write(std::ostream& out, bool value) { out << (value ? "true" : "false"); }
inline void write(std::ostream& out, double value) {
  if (!std::isfinite(value)) { out << "null"; return; }
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.17g", value);
  out << buffer;
}
inline void write(std::ostream& out, const std::string& value) {
  out << '"';
  for (unsigned char c : value) {
    if (c == '"' || c == '\\') out << '\\' << c;
    else if (c < 0x20) { char buffer[8]; std::snprintf(buffer, sizeof buffer, "\\u%04x", c); out << buffer; }
    else out << c;
  }
  out << '"';
}
template <typename T>
void write(std::ostream& out, const std::vector<T>& values) {
  out << '[';
  for (size_t i = 0; i < values.size(); i++) {
    if (i > 0) out << ',';
    write(out, static_cast<T>(values[i]));
  }
  out << ']';
}

inline std::string quote_json(const std::string& text) {
  std::ostringstream out;
  write(out, text);
  return out.str();
}

std::string run(const Json& args, double& ms) {
${conversions}
  Solution solution;
  auto began = std::chrono::steady_clock::now();
  ${CPP_TYPES[entryPoint.returnType]} result = ${call};
  ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - began).count();
  std::ostringstream out;
  write(out, result);
  return out.str();
}

}  // namespace peerprep_driver

int main(int argc, char** argv) {
  using namespace peerprep_driver;
  if (argc < 3) return 2;
  FILE* channel = fdopen(3, "w");
  long start = std::atol(argv[1]);
  long count = std::atol(argv[2]);
  std::ifstream file("${TESTS_FILE}");
  std::stringstream buffer;
  buffer << file.rdbuf();
  std::string text = buffer.str();
  Parser parser{text};
  Json tests = parser.value();
  for (long i = start; i < start + count && i < static_cast<long>(tests.items.size()); i++) {
    std::fflush(stdout);
    std::cout.flush();
    std::cout << "\x1e#peerprep-test " << i << '\n' << std::flush;
    std::cerr << "\x1e#peerprep-test " << i << '\n' << std::flush;
    std::fprintf(channel, "{\"t\":\"start\",\"i\":%ld}\n", i);
    std::fflush(channel);
    auto began = std::chrono::steady_clock::now();
    std::string error;
    try {
      double ms = 0;
      std::string value = run(tests.items[i], ms);
      std::fflush(stdout);
      std::cout.flush();
      std::fprintf(channel, "{\"t\":\"done\",\"i\":%ld,\"ms\":%.6f,\"value\":%s}\n", i, ms, value.c_str());
      std::fflush(channel);
      continue;
    } catch (const std::bad_alloc&) {
      error = "std::bad_alloc";
    } catch (const std::exception& e) {
      error = std::string(typeid(e).name()) + ": " + e.what();
    } catch (...) {
      error = "an exception that is not a std::exception";
    }
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - began).count();
    std::cerr << "terminate called after throwing " << error << std::endl;
    std::fprintf(channel, "{\"t\":\"error\",\"i\":%ld,\"ms\":%.6f,\"error\":%s}\n", i, ms, quote_json(error).c_str());
    std::fflush(channel);
  }
  std::fflush(stdout);
  std::cout.flush();
  return 0;
}
`;
}
