// Whether a text is an e-mail address a message can be sent to (RFC 5322 addr-spec, ASCII dot-atoms).
#pragma once

#include <string_view>

namespace aap::input {

/// `local@domain` with an ASCII dot-atom local part (letters, digits and !#$%&'*+/=?^_`{|}~- between
/// single dots) and a domain of at least two labels of letters, digits and inner hyphens. Quoted local
/// parts, address literals and internationalised addresses are refused: a mail client may not take them.
bool is_valid_email(std::string_view address);

}  // namespace aap::input
