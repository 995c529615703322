// The character entities a template author may type (&nbsp;, &amp;, &#8239;…), for the documents'
// markup and for the plain-text templates (the e-mail) alike.
#pragma once

#include <string>
#include <string_view>

namespace aap::markup {

/// The text of one entity, "&nbsp;" → U+00A0: the named ones of the templates' guide (nbsp, amp, lt, gt,
/// quot, apos, laquo, raquo, euro, hellip, ndash, mdash, rsquo, oelig) and numeric ones (&#233;, &#xE9;);
/// anything else, or a code point that is not a character, comes back as it is.
std::string decode_entity(std::string_view entity);

/// `text` with every entity decoded, from left to right: a decoded "&amp;" followed by "nbsp;" stays
/// "&nbsp;" as written.
std::string decode_entities(std::string_view text);

}  // namespace aap::markup
