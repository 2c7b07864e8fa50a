#include "core/circle.hpp"

namespace headway::core {

Result<void> validate_circle(const Circle& c) {
  HW_CHECK(validate_name(c.name, "name"));
  HW_CHECK(validate_text(c.purpose, "purpose", kCirclePurposeBytes, false));
  return {};
}

Result<void> validate_kudos(const Kudos& k) {
  if (k.emoji.empty()) return invalid("emoji", "is required: one emoji, e.g. 🎉");
  if (k.emoji.size() > kKudosEmojiBytes || !valid_utf8(k.emoji))
    return invalid("emoji", "must be one emoji, e.g. 🎉");
  for (unsigned char ch : k.emoji)
    if (ch < 0x80) {
      // Emoji sequences are built from non-ASCII code points; a variation selector or joiner is
      // non-ASCII too. Letters, digits, spaces and markup are not emoji.
      return invalid("emoji", "must be one emoji, e.g. 🎉, not text");
    }
  HW_CHECK(validate_text(k.message, "message", kKudosMessageBytes, false));
  return {};
}

}  // namespace headway::core
