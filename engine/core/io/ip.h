#pragma once
// IP: Godot's host name resolver and local interface list. Blocking lookups run on the calling
// thread; queued ones (resolve_hostname_queue_item) on one worker thread, so a game polls them
// from _process without stalling a frame. Both fill a cache keyed by host name and address type.

#include "core/object/object.h"
#include "core/variant/type_info.h"

#include <condition_variable>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

namespace godot {

class IP : public Object {
	GDCLASS(IP, Object)

public:
	enum ResolverStatus {
		RESOLVER_STATUS_NONE,
		RESOLVER_STATUS_WAITING,
		RESOLVER_STATUS_DONE,
		RESOLVER_STATUS_ERROR,
	};

	enum Type {
		TYPE_NONE = 0,
		TYPE_IPV4 = 1,
		TYPE_IPV6 = 2,
		TYPE_ANY = 3,
	};

	enum {
		RESOLVER_MAX_QUERIES = 256,
		RESOLVER_INVALID_ID = -1,
	};

private:
	struct QueueItem {
		ResolverStatus status = RESOLVER_STATUS_NONE;
		String hostname;
		Type type = TYPE_ANY;
		std::vector<String> addresses;
		uint64_t generation = 0; // Bumped on every reuse, so a late answer never lands in a new query.
	};

	std::mutex mutex; // Guards everything below.
	std::condition_variable work_available;
	std::thread worker;
	bool quitting = false;
	QueueItem queue[RESOLVER_MAX_QUERIES];
	std::unordered_map<String, std::vector<String>> cache;

	static String _cache_key(const String &p_hostname, Type p_type);
	static std::vector<String> _resolve(const String &p_hostname, Type p_type);
	void _worker_loop();
	bool _check_id(const char *p_who, int p_id);

protected:
	static void _bind_methods();

public:
	String resolve_hostname(const String &p_hostname, Type p_ip_type = TYPE_ANY);
	PackedStringArray resolve_hostname_addresses(const String &p_hostname, Type p_ip_type = TYPE_ANY);
	int resolve_hostname_queue_item(const String &p_hostname, Type p_ip_type = TYPE_ANY);
	ResolverStatus get_resolve_item_status(int p_id);
	String get_resolve_item_address(int p_id);
	Array get_resolve_item_addresses(int p_id);
	void erase_resolve_item(int p_id);
	PackedStringArray get_local_addresses() const;
	TypedArray<Dictionary> get_local_interfaces() const;
	void clear_cache(const String &p_hostname = "");

	~IP() override; // Waits for a lookup in progress, then stops the worker.
};

} // namespace godot

VARIANT_ENUM_CAST(IP::ResolverStatus)
VARIANT_ENUM_CAST(IP::Type)
