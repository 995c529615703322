// The pieces of an Internet message (RFC 5322, MIME RFC 2045–2047, RFC 2231) that the mailing needs:
// dates, folded headers, encoded words, quoted-printable and base64 bodies, file-name parameters.
// Every line this writes ends with CRLF and holds at most 78 characters.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/date.hpp"

namespace aap::mail {

inline constexpr std::size_t kMaxLine = 78;

/// 09:00 in Paris on `d`, RFC 5322 form: "Sat, 20 Mar 2027 09:00:00 +0100" (+0200 under summer time, from
/// the last Sunday of March to the last Sunday of October). Independent of the machine's zone and locale.
std::string rfc5322_date(Date d);

/// RFC 2047 encoded words ("=?UTF-8?Q?…?="), each at most `max_length` characters (66 by default, so
/// that "Subject: " and one word fit on a line) and holding whole characters: only letters and digits
/// are written as is, a space as "_", every other byte as =XX — valid in a phrase (display name) as in
/// unstructured text.
std::vector<std::string> encoded_words(std::string_view utf8, std::size_t max_length = 66);

/// Tokens of an unstructured value (Subject): its words when it is printable ASCII, else encoded words.
std::vector<std::string> unstructured(std::string_view utf8);

/// Tokens of a mailbox: the display name — its words of ASCII atext as atoms, each run of other words as
/// one encoded word — then "<address>". An empty name gives the address alone.
std::vector<std::string> mailbox(std::string_view display_name, std::string_view address);

/// "Name: token token…" folded before a token (CRLF and one space) wherever a line would pass 78
/// characters; ends with CRLF.
std::string header(std::string_view name, const std::vector<std::string>& tokens);

/// A MIME parameter, as tokens for `header`: `name="value"` when the value is printable ASCII and fits
/// on a line, else RFC 2231 continuations with UTF-8 percent-encoding (`name*0*=UTF-8''…;` `name*1*=…`).
/// Every token but the last ends with ";"; the caller adds the ";" that separates it from the previous.
std::vector<std::string> parameter(std::string_view name, std::string_view value);

/// Quoted-printable (RFC 2045 §6.7) of UTF-8 text whose lines end with "\n": CRLF hard line ends, soft
/// breaks keeping every line at 76 characters at most, trailing spaces encoded.
std::string quoted_printable(std::string_view text);

/// Base64 (RFC 2045 §6.8) in lines of 76 characters, each ended by CRLF.
std::string base64(std::string_view bytes);
/// The same, appended to `out`.
void append_base64(std::string& out, std::string_view bytes);

/// Greedy word wrap of one paragraph at `width` characters (code points), breaking at ordinary spaces
/// only (never at a no-break space); lines joined by "\n".
std::string wrap(std::string_view paragraph, std::size_t width = 72);

}  // namespace aap::mail
