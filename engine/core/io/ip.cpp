#include "core/io/ip.h"

#include "core/io/ip_address.h"
#include "core/io/net_socket.h"
#include "core/object/class_db.h"
#include "core/string/print_string.h"

#include <algorithm>

#include <ifaddrs.h>
#include <net/if.h>
#include <netdb.h>

namespace godot {

namespace {

IPAddress address_of(const sockaddr *p_addr) {
	sockaddr_storage storage{};
	memcpy(&storage, p_addr, p_addr->sa_family == AF_INET6 ? sizeof(sockaddr_in6) : sizeof(sockaddr_in));
	return NetSocket::address_from_sockaddr(storage, nullptr);
}

// getifaddrs() as Godot groups it: one entry per interface, with its IPv4 and IPv6 addresses.
struct InterfaceInfo {
	String name;
	unsigned int index = 0;
	std::vector<String> addresses;
};

std::vector<InterfaceInfo> list_interfaces() {
	std::vector<InterfaceInfo> interfaces;
	ifaddrs *list = nullptr;
	if (getifaddrs(&list) != 0) {
		print_error(vformat("IP.get_local_interfaces: the system cannot list network interfaces (%s).", strerror(errno)));
		return interfaces;
	}
	for (ifaddrs *entry = list; entry; entry = entry->ifa_next) {
		if (!entry->ifa_addr || (entry->ifa_addr->sa_family != AF_INET && entry->ifa_addr->sa_family != AF_INET6)) {
			continue;
		}
		const IPAddress address = address_of(entry->ifa_addr);
		if (!address.is_valid()) {
			continue;
		}
		auto found = std::find_if(interfaces.begin(), interfaces.end(), [&](const InterfaceInfo &p_info) { return p_info.name == entry->ifa_name; });
		if (found == interfaces.end()) {
			interfaces.push_back({ entry->ifa_name, if_nametoindex(entry->ifa_name), {} });
			found = interfaces.end() - 1;
		}
		found->addresses.push_back(address.to_string());
	}
	freeifaddrs(list);
	return interfaces;
}

} // namespace

String IP::_cache_key(const String &p_hostname, Type p_type) {
	return std::to_string(int(p_type)) + p_hostname;
}

std::vector<String> IP::_resolve(const String &p_hostname, Type p_type) {
	std::vector<String> addresses;
	addrinfo hints{};
	// As Godot: AI_ADDRCONFIG only for TYPE_ANY, so asking for one family always gets that family.
	hints.ai_family = p_type == TYPE_IPV4 ? AF_INET : (p_type == TYPE_IPV6 ? AF_INET6 : AF_UNSPEC);
	hints.ai_flags = p_type == TYPE_IPV4 || p_type == TYPE_IPV6 ? 0 : AI_ADDRCONFIG;
	addrinfo *results = nullptr;
	const int status = getaddrinfo(p_hostname.c_str(), nullptr, &hints, &results);
	if (status != 0) {
		print_verbose(vformat("IP: cannot resolve \"%s\": %s.", p_hostname.c_str(), gai_strerror(status)));
		return addresses;
	}
	for (addrinfo *entry = results; entry; entry = entry->ai_next) {
		if (entry->ai_family != AF_INET && entry->ai_family != AF_INET6) {
			continue;
		}
		const IPAddress address = address_of(entry->ai_addr);
		const String text = address.to_string();
		// getaddrinfo repeats an address once per socket type.
		if (address.is_valid() && std::find(addresses.begin(), addresses.end(), text) == addresses.end()) {
			addresses.push_back(text);
		}
	}
	freeaddrinfo(results);
	return addresses;
}

void IP::_worker_loop() {
	std::unique_lock<std::mutex> lock(mutex);
	while (true) {
		QueueItem *waiting = nullptr;
		work_available.wait(lock, [&]() {
			if (quitting) {
				return true;
			}
			for (QueueItem &item : queue) {
				if (item.status == RESOLVER_STATUS_WAITING) {
					waiting = &item;
					return true;
				}
			}
			return false;
		});
		if (quitting) {
			return;
		}
		const String hostname = waiting->hostname;
		const Type type = waiting->type;
		const uint64_t generation = waiting->generation;
		// Unlocked: a slow DNS server must not stall the main thread's polling.
		lock.unlock();
		std::vector<String> addresses = _resolve(hostname, type);
		lock.lock();
		if (!addresses.empty()) {
			cache[_cache_key(hostname, type)] = addresses;
		}
		if (waiting->generation == generation && waiting->status == RESOLVER_STATUS_WAITING) {
			waiting->status = addresses.empty() ? RESOLVER_STATUS_ERROR : RESOLVER_STATUS_DONE;
			waiting->addresses = std::move(addresses);
		}
	}
}

bool IP::_check_id(const char *p_who, int p_id) {
	if (p_id < 0 || p_id >= RESOLVER_MAX_QUERIES) {
		print_error(vformat("IP.%s: %d is not a query id; use the id resolve_hostname_queue_item() returned (0 to %d).", p_who, p_id, RESOLVER_MAX_QUERIES - 1));
		return false;
	}
	return true;
}

String IP::resolve_hostname(const String &p_hostname, Type p_ip_type) {
	const PackedStringArray addresses = resolve_hostname_addresses(p_hostname, p_ip_type);
	return addresses.is_empty() ? String() : addresses[0];
}

PackedStringArray IP::resolve_hostname_addresses(const String &p_hostname, Type p_ip_type) {
	const String key = _cache_key(p_hostname, p_ip_type);
	{
		std::lock_guard<std::mutex> lock(mutex);
		auto cached = cache.find(key);
		if (cached != cache.end()) {
			return PackedStringArray(cached->second);
		}
	}
	std::vector<String> addresses = _resolve(p_hostname, p_ip_type);
	if (!addresses.empty()) {
		std::lock_guard<std::mutex> lock(mutex);
		cache[key] = addresses;
	}
	return PackedStringArray(std::move(addresses));
}

int IP::resolve_hostname_queue_item(const String &p_hostname, Type p_ip_type) {
	std::lock_guard<std::mutex> lock(mutex);
	int id = RESOLVER_INVALID_ID;
	for (int i = 0; i < RESOLVER_MAX_QUERIES; i++) {
		if (queue[i].status == RESOLVER_STATUS_NONE) {
			id = i;
			break;
		}
	}
	if (id == RESOLVER_INVALID_ID) {
		print_error(vformat("IP.resolve_hostname_queue_item: %d queries are in use already; call erase_resolve_item() on finished ones.", int(RESOLVER_MAX_QUERIES)));
		return RESOLVER_INVALID_ID;
	}
	QueueItem &item = queue[id];
	item.hostname = p_hostname;
	item.type = p_ip_type;
	item.generation++;
	auto cached = cache.find(_cache_key(p_hostname, p_ip_type));
	if (cached != cache.end()) {
		item.addresses = cached->second;
		item.status = RESOLVER_STATUS_DONE;
		return id;
	}
	item.addresses.clear();
	item.status = RESOLVER_STATUS_WAITING;
	if (!worker.joinable()) {
		worker = std::thread(&IP::_worker_loop, this);
	}
	work_available.notify_one();
	return id;
}

IP::ResolverStatus IP::get_resolve_item_status(int p_id) {
	if (!_check_id("get_resolve_item_status", p_id)) {
		return RESOLVER_STATUS_NONE;
	}
	std::lock_guard<std::mutex> lock(mutex);
	if (queue[p_id].status == RESOLVER_STATUS_NONE) {
		print_error(vformat("IP.get_resolve_item_status: query %d is not in use (never queued, or erased).", p_id));
	}
	return queue[p_id].status;
}

String IP::get_resolve_item_address(int p_id) {
	if (!_check_id("get_resolve_item_address", p_id)) {
		return String();
	}
	std::lock_guard<std::mutex> lock(mutex);
	if (queue[p_id].status != RESOLVER_STATUS_DONE) {
		print_error(vformat("IP.get_resolve_item_address: the lookup of \"%s\" has not completed; wait for get_resolve_item_status() to be RESOLVER_STATUS_DONE.", queue[p_id].hostname.c_str()));
		return String();
	}
	return queue[p_id].addresses.empty() ? String() : queue[p_id].addresses.front();
}

Array IP::get_resolve_item_addresses(int p_id) {
	Array addresses;
	if (!_check_id("get_resolve_item_addresses", p_id)) {
		return addresses;
	}
	std::lock_guard<std::mutex> lock(mutex);
	if (queue[p_id].status != RESOLVER_STATUS_DONE) {
		print_error(vformat("IP.get_resolve_item_addresses: the lookup of \"%s\" has not completed; wait for get_resolve_item_status() to be RESOLVER_STATUS_DONE.", queue[p_id].hostname.c_str()));
		return addresses;
	}
	for (const String &address : queue[p_id].addresses) {
		addresses.push_back(address);
	}
	return addresses;
}

void IP::erase_resolve_item(int p_id) {
	if (!_check_id("erase_resolve_item", p_id)) {
		return;
	}
	std::lock_guard<std::mutex> lock(mutex);
	queue[p_id].status = RESOLVER_STATUS_NONE;
	queue[p_id].addresses.clear();
}

PackedStringArray IP::get_local_addresses() const {
	std::vector<String> addresses;
	for (const InterfaceInfo &info : list_interfaces()) {
		addresses.insert(addresses.end(), info.addresses.begin(), info.addresses.end());
	}
	return PackedStringArray(std::move(addresses));
}

TypedArray<Dictionary> IP::get_local_interfaces() const {
	Array interfaces;
	for (const InterfaceInfo &info : list_interfaces()) {
		Dictionary entry;
		entry.set("name", info.name);
		entry.set("friendly", info.name); // Godot's friendly name is the name on Linux too.
		entry.set("index", std::to_string(info.index)); // A String, as in Godot.
		Array addresses;
		for (const String &address : info.addresses) {
			addresses.push_back(address);
		}
		entry.set("addresses", addresses);
		interfaces.push_back(entry);
	}
	return interfaces;
}

void IP::clear_cache(const String &p_hostname) {
	std::lock_guard<std::mutex> lock(mutex);
	if (p_hostname.empty()) {
		cache.clear();
		return;
	}
	for (Type type : { TYPE_NONE, TYPE_IPV4, TYPE_IPV6, TYPE_ANY }) {
		cache.erase(_cache_key(p_hostname, type));
	}
}

IP::~IP() {
	{
		std::lock_guard<std::mutex> lock(mutex);
		quitting = true;
	}
	work_available.notify_one();
	if (worker.joinable()) {
		worker.join();
	}
}

void IP::_bind_methods() {
	ClassDB::bind_method(D_METHOD("resolve_hostname", "host", "ip_type"), &IP::resolve_hostname, DEFVAL(TYPE_ANY));
	ClassDB::bind_method(D_METHOD("resolve_hostname_addresses", "host", "ip_type"), &IP::resolve_hostname_addresses, DEFVAL(TYPE_ANY));
	ClassDB::bind_method(D_METHOD("resolve_hostname_queue_item", "host", "ip_type"), &IP::resolve_hostname_queue_item, DEFVAL(TYPE_ANY));
	ClassDB::bind_method(D_METHOD("get_resolve_item_status", "id"), &IP::get_resolve_item_status);
	ClassDB::bind_method(D_METHOD("get_resolve_item_address", "id"), &IP::get_resolve_item_address);
	ClassDB::bind_method(D_METHOD("get_resolve_item_addresses", "id"), &IP::get_resolve_item_addresses);
	ClassDB::bind_method(D_METHOD("erase_resolve_item", "id"), &IP::erase_resolve_item);
	ClassDB::bind_method(D_METHOD("get_local_addresses"), &IP::get_local_addresses);
	ClassDB::bind_method(D_METHOD("get_local_interfaces"), &IP::get_local_interfaces);
	ClassDB::bind_method(D_METHOD("clear_cache", "hostname"), &IP::clear_cache, DEFVAL(""));

	BIND_CONSTANT(RESOLVER_MAX_QUERIES);
	BIND_CONSTANT(RESOLVER_INVALID_ID);
	BIND_ENUM_CONSTANT(RESOLVER_STATUS_NONE);
	BIND_ENUM_CONSTANT(RESOLVER_STATUS_WAITING);
	BIND_ENUM_CONSTANT(RESOLVER_STATUS_DONE);
	BIND_ENUM_CONSTANT(RESOLVER_STATUS_ERROR);
	BIND_ENUM_CONSTANT(TYPE_NONE);
	BIND_ENUM_CONSTANT(TYPE_IPV4);
	BIND_ENUM_CONSTANT(TYPE_IPV6);
	BIND_ENUM_CONSTANT(TYPE_ANY);
}

} // namespace godot
