// libFuzzer: any bytes as a campaign file → a campaign or diagnostics, never a crash, a hang or an exception.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "input/campaign_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  aap::Diagnostics diags;
  const auto campaign =
      aap::parse_campaign(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.json", diags);
  // Exactly one of the two: a campaign, or the reasons there is none.
  if (campaign.has_value() == !diags.empty()) __builtin_trap();
  return 0;
}
