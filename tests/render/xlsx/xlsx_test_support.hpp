// Running the Python readers of the annexes tests and parsing what they print.
#pragma once

#include "test_paths.hpp"
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

namespace aap::test {

/// A fresh directory under the system's temporary directory, unique to this process and `name`.
inline std::filesystem::path scratch_dir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("aap-xlsx-" + name + "-" + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

/// Runs tests/render/xlsx/<script> with AAP_PYTHON and returns its standard output; throws on failure.
inline std::string run_script(const std::string& script, const std::string& arguments) {
  const std::string command =
      std::string(AAP_PYTHON) + " " + AAP_SOURCE_DIR + "/tests/render/xlsx/" + script + " " + arguments;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("popen: " + command);
  std::string out;
  char buffer[65536];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
  const int status = pclose(pipe);
  if (status != 0) throw std::runtime_error(command + " failed (" + std::to_string(status) + "): " + out);
  return out;
}

inline nlohmann::json run_json(const std::string& script, const std::string& arguments) {
  return nlohmann::json::parse(run_script(script, arguments));
}

inline std::string quoted(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

inline std::string file_bytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace aap::test
