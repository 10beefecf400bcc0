#pragma once
// The crypto resource formats, as Godot's core/crypto has them: load("res://x.crt") gives an
// X509Certificate, ".key" a CryptoKey, ".pub" a public-only CryptoKey; ResourceSaver writes
// them back as PEM. Registered with the crypto types; loading needs the crypto module.

#include "core/io/resource_loader.h"
#include "core/io/resource_saver.h"

namespace godot {

class ResourceFormatLoaderCrypto : public ResourceFormatLoader {
public:
	std::vector<String> get_recognized_extensions() const override { return { "crt", "key", "pub" }; }
	String get_resource_type(const String &p_extension) const override;
	Ref<Resource> load(const String &p_path, Error &r_error) override;
};

class ResourceFormatSaverCrypto : public ResourceFormatSaver {
public:
	bool recognizes(const Ref<Resource> &p_resource) const override;
	std::vector<String> get_recognized_extensions(const Ref<Resource> &p_resource) const override;
	Error save(const Ref<Resource> &p_resource, const String &p_path) override;
};

} // namespace godot
