// libFuzzer: any bytes as a letter template (courrier-finance.mustache, among the shipped templates and
// the shipped campaign) → the start-up check, which renders the template with sample values and parses
// its markup; and the same bytes straight into the markup parser. Problems are reported, never a crash.
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "input/campaign_reader.hpp"
#include "render/letters/letter.hpp"
#include "render/markup/markup.hpp"
#include "render/template/template_set.hpp"

namespace {

namespace fs = std::filesystem;

struct Fixture {
  aap::Campaign campaign;
  std::vector<std::pair<std::string, std::string>> sources;  // every shipped template but the fuzzed one
};

const Fixture& fixture() {
  static const Fixture f = [] {
    Fixture out;
    const fs::path root = AAP_SOURCE_DIR;
    aap::Diagnostics diags;
    out.campaign = *aap::read_campaign(root / "fixtures/campaign.json", diags);
    for (const auto& entry : fs::directory_iterator(root / "templates")) {
      if (entry.path().extension() != ".mustache" || entry.path().stem() == "courrier-finance") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      out.sources.emplace_back(entry.path().stem().string(), text.str());
    }
    return out;
  }();
  return f;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    aap::markup::parse(text);
  } catch (const aap::markup::MarkupError&) {
  }
  const Fixture& f = fixture();
  std::vector<std::pair<std::string, std::string>> sources = f.sources;
  sources.emplace_back("courrier-finance", text);
  try {
    const aap::tpl::TemplateSet set = aap::tpl::TemplateSet::from_sources(sources);
    aap::letters::check_letter_templates(set, f.campaign);
  } catch (const aap::tpl::TemplateError& e) {
    if (e.problems().empty()) __builtin_trap();
  }
  return 0;
}
