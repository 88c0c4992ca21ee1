"""Calls a third-party client (Debian's python3-proxmoxer) makes against the simulator; prints one JSON document.

Arguments: host port token_secret ca_file. The token is root@pam!sim.
"""
import json
import sys

from proxmoxer import ProxmoxAPI

host, port, secret, ca_file = sys.argv[1:5]
pve = ProxmoxAPI(host, port=int(port), user="root@pam", token_name="sim", token_value=secret, verify_ssl=ca_file)

vm = pve.nodes("pve1").qemu(100)
upid = pve.nodes("pve1").vzdump.post(vmid=100, storage="local", mode="snapshot", compress="zstd")
results = {
    "root": pve.get(""),
    "node_index": pve.nodes("pve1").get(),
    "vm_index": vm.get(),
    "content": pve.nodes("pve1").storage("local").content.get(content="backup"),
    "jobs": pve.cluster.backup.get(),
    "not_backed_up": pve.cluster("backup-info")("not-backed-up").get(),
    "vzdump_upid": upid,
    "node_rrd": pve.nodes("pve1").rrddata.get(timeframe="hour", cf="MAX"),
    "storage_rrd": pve.nodes("pve2").storage("local-lvm").rrddata.get(timeframe="week"),
    "vm_rrd": vm.rrddata.get(timeframe="day"),
    "ct_rrd": pve.nodes("pve2").lxc(200).rrddata.get(timeframe="month"),
    "ct_interfaces": pve.nodes("pve2").lxc(200).interfaces.get(),
    "fsinfo": vm.agent("get-fsinfo").get(),
    "host_name": vm.agent("get-host-name").get(),
    "agent_info": vm.agent.info.get(),
    "reset_upid": vm.status.reset.post(),
    "pools": pve.pools.get(),
    "options": pve.cluster.options.get(),
    "users": pve.access.users.get(full=1),
    "tokens": pve.access.users("root@pam").token.get(),
    "tfa": pve.access.tfa.get(),
    "updates": pve.nodes("pve1").apt.update.get(),
    "firewall": pve.cluster.firewall.options.get(),
}
print(json.dumps(results))
