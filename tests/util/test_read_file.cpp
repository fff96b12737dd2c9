// read_file() (src/util/read_file.hpp): whole files, errno texts, the size limit.
#include <doctest/doctest.h>

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include "util/read_file.hpp"

using namespace pflint::util;
namespace fs = std::filesystem;

TEST_CASE("read_file: the bytes of a file, NULs and all") {
  const fs::path dir = fs::temp_directory_path() / ("pflint-read-file-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string bytes("a\0b\nc", 5);
  std::ofstream(dir / "f", std::ios::binary) << bytes;
  std::string error;
  const auto data = read_file((dir / "f").string(), error);
  REQUIRE(data);
  CHECK(*data == bytes);
  std::ofstream(dir / "empty", std::ios::binary);
  CHECK(read_file((dir / "empty").string(), error) == std::string());

  CHECK_FALSE(read_file((dir / "f").string(), error, 4));
  CHECK(error == k_too_large);
  CHECK(read_file((dir / "f").string(), error, 5) == bytes);

  CHECK_FALSE(read_file((dir / "missing").string(), error));
  CHECK(error == std::strerror(ENOENT));
  CHECK_FALSE(read_file(dir.string(), error));
  CHECK(error == std::strerror(EISDIR));
  fs::remove_all(dir);
}
