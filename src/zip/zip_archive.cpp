#include "zip/zip_archive.hpp"

#include <zip.h>

#include <stdexcept>

namespace aap::zip {

namespace {

struct SourceFree {
  void operator()(zip_source_t* s) const { zip_source_free(s); }
};
using SourcePtr = std::unique_ptr<zip_source_t, SourceFree>;

[[noreturn]] void fail(const std::string& context, const std::string& what, zip_error_t* error) {
  throw std::runtime_error(context + " : " + what + " : " + (error ? zip_error_strerror(error) : "erreur inconnue"));
}

}  // namespace

void Reader::Discard::operator()(::zip* archive) const { zip_discard(archive); }

std::optional<Reader> Reader::from_bytes(std::string_view bytes, bool check_consistency) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!source) {
    zip_error_fini(&error);
    return std::nullopt;
  }
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY | (check_consistency ? ZIP_CHECKCONS : 0), &error);
  zip_error_fini(&error);
  if (!archive) {
    zip_source_free(source);
    return std::nullopt;
  }
  return Reader(archive);
}

std::optional<Reader> Reader::from_file(const std::filesystem::path& file) {
  int error = 0;
  zip_t* archive = zip_open(file.c_str(), ZIP_RDONLY, &error);
  if (!archive) return std::nullopt;
  return Reader(archive);
}

std::optional<std::vector<EntrySize>> Reader::entries() const {
  const zip_int64_t count = zip_get_num_entries(archive_.get(), 0);
  if (count < 0) return std::nullopt;
  std::vector<EntrySize> out;
  for (zip_int64_t i = 0; i < count; ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(archive_.get(), static_cast<zip_uint64_t>(i), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE))
      return std::nullopt;
    out.push_back({(st.valid & ZIP_STAT_NAME) && st.name ? st.name : "", st.size});
  }
  return out;
}

bool Reader::contains(const std::string& name) const { return zip_name_locate(archive_.get(), name.c_str(), 0) >= 0; }

std::string Reader::read(const std::string& name, ReadProblem& problem) const {
  problem = ReadProblem::none;
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(archive_.get(), name.c_str(), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE)) {
    problem = ReadProblem::absent;
    return {};
  }
  zip_file_t* file = zip_fopen(archive_.get(), name.c_str(), 0);
  if (!file) {
    problem = ReadProblem::unreadable;
    return {};
  }
  std::string bytes(static_cast<std::size_t>(st.size), '\0');
  const zip_int64_t read = zip_fread(file, bytes.data(), st.size);
  zip_fclose(file);
  if (read < 0 || static_cast<zip_uint64_t>(read) != st.size) {
    problem = ReadProblem::truncated;
    return {};
  }
  return bytes;
}

std::string write_archive(const std::vector<NewEntry>& entries, std::time_t mtime, const std::string& context) {
  zip_error_t error;
  zip_error_init(&error);
  SourcePtr buffer(zip_source_buffer_create(nullptr, 0, 0, &error));
  if (!buffer) fail(context, "tampon", &error);
  zip_t* archive = zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error);
  if (archive == nullptr) fail(context, "ouverture de l’archive", &error);
  zip_source_keep(buffer.get());  // the archive must not free the buffer: its bytes are read after zip_close

  for (const NewEntry& entry : entries) {
    zip_source_t* source = zip_source_buffer(archive, entry.bytes.data(), entry.bytes.size(), 0);
    if (source == nullptr) {
      zip_discard(archive);
      fail(context, entry.name, &error);
    }
    const zip_int64_t index = zip_file_add(archive, entry.name.c_str(), source, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      zip_source_free(source);
      zip_discard(archive);
      fail(context, entry.name, &error);
    }
    const auto i = static_cast<zip_uint64_t>(index);
    const zip_int32_t method = entry.stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE;
    if (zip_set_file_compression(archive, i, method, 0) != 0 || zip_file_set_mtime(archive, i, mtime, 0) != 0) {
      zip_discard(archive);
      fail(context, entry.name, &error);
    }
  }
  if (zip_close(archive) != 0) {
    const std::string message = context + " : écriture de l’archive : " + zip_error_strerror(zip_get_error(archive));
    zip_discard(archive);
    throw std::runtime_error(message);
  }

  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_source_stat(buffer.get(), &stat) != 0 || zip_source_open(buffer.get()) != 0)
    fail(context, "lecture de l’archive", zip_source_error(buffer.get()));
  std::string bytes(static_cast<std::size_t>(stat.size), '\0');
  const zip_int64_t read = zip_source_read(buffer.get(), bytes.data(), stat.size);
  zip_source_close(buffer.get());
  if (read < 0 || static_cast<zip_uint64_t>(read) != stat.size)
    fail(context, "lecture de l’archive", zip_source_error(buffer.get()));
  return bytes;
}

}  // namespace aap::zip
