// SHA-256 through OpenSSL's libcrypto rather than a hand-written hash: whole or a block at a time.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

struct evp_md_ctx_st;

namespace aap {

/// A SHA-256 fed a block at a time. Throws std::runtime_error when OpenSSL cannot compute it.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void update(std::string_view bytes);
  /// The digest of everything fed, lower-case hex; call once.
  std::string hex();

 private:
  evp_md_ctx_st* context_;
};

/// SHA-256 of `bytes`, lower-case hex (what manifest.json records).
std::string sha256_hex(std::string_view bytes);

}  // namespace aap
