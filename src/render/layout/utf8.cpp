#include "render/layout/utf8.hpp"

#include <string>

#include "render/layout/text_measurer.hpp"

namespace aap::render::utf8 {

void invalid(std::string_view s) {
  throw InvalidText("texte qui n’est pas de l’UTF-8 valide : " + std::string(s.substr(0, 80)));
}

}  // namespace aap::render::utf8
