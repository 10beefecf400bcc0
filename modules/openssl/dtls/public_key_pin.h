/**************************************************************************/
/*  public_key_pin.h                                                      */
/**************************************************************************/
/*  Quickdot: OpenSSL DTLS core (engine independent).                     */
/**************************************************************************/

#ifndef QUICKDOT_DTLS_PUBLIC_KEY_PIN_H
#define QUICKDOT_DTLS_PUBLIC_KEY_PIN_H

#include <openssl/x509.h>

#include <array>
#include <cstdint>
#include <string>

namespace godot::dtls {

// A public key pin: the SHA-256 of a certificate's DER SubjectPublicKeyInfo,
// written "sha256/<base64>" as curl's --pinnedpubkey and OkHttp write it (and as
// `openssl x509 -pubkey | openssl pkey -pubin -outform der | openssl dgst
// -sha256 -binary | base64` prints it, after the prefix).
using PublicKeyPin = std::array<uint8_t, 32>;

// False when p_certificate is null or its key cannot be encoded.
bool public_key_pin_of(X509 *p_certificate, PublicKeyPin &r_pin);
// "sha256/<base64>", or "" when public_key_pin_of fails.
std::string public_key_pin_text(X509 *p_certificate);

} // namespace godot::dtls

#endif // QUICKDOT_DTLS_PUBLIC_KEY_PIN_H
