# Helpers the test script uses to install Debian packages and (for later issues) start servers.
# CI machines start bare and without systemd: install what is missing, start it on 127.0.0.1 ourselves.

_apt_updated=0

# ensure_packages PKG... : installs the Debian packages that are not installed yet (apt-get update once).
ensure_packages() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  if [ "$_apt_updated" -eq 0 ]; then
    $sudo apt-get update -qq >/dev/null && _apt_updated=1
  fi
  echo "installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# port_open PORT : whether something listens on 127.0.0.1:PORT.
port_open() { (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null; }

# start_postgres : a throwaway PostgreSQL cluster on 127.0.0.1:${SMARTOFFICE_PG_PORT:-55432} (trust auth),
# exported as SMARTOFFICE_TEST_POSTGRES. Reuses a server already listening on that port.
start_postgres() {
  local port=${SMARTOFFICE_PG_PORT:-55432}
  export SMARTOFFICE_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50"
  if port_open "$port"; then return 0; fi
  ensure_packages postgresql
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  local dir
  dir=$(mktemp -d /tmp/smartoffice-pg.XXXXXX)
  chown postgres:postgres "$dir"
  runuser -u postgres -- "$bin/initdb" -D "$dir/data" -A trust -U postgres >/dev/null
  printf "listen_addresses='127.0.0.1'\nport=%s\nunix_socket_directories='%s'\nfsync=on\nmax_connections=200\n" "$port" "$dir" >> "$dir/data/postgresql.conf"
  runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w start >/dev/null
  echo "PostgreSQL started on 127.0.0.1:$port ($dir)"
}

# start_rabbitmq : RabbitMQ on 127.0.0.1:5672, exported as SMARTOFFICE_TEST_RABBITMQ (host:port).
# Reuses a broker already listening there.
start_rabbitmq() {
  export SMARTOFFICE_TEST_RABBITMQ="127.0.0.1:5672"
  if port_open 5672; then return 0; fi
  ensure_packages rabbitmq-server
  local dir
  dir=$(mktemp -d /tmp/smartoffice-rabbit.XXXXXX)
  mkdir -p "$dir/mnesia" "$dir/log"
  echo 'listeners.tcp.default = 127.0.0.1:5672' > "$dir/rabbitmq.conf"
  echo '[].' > "$dir/enabled_plugins"
  chown -R rabbitmq:rabbitmq "$dir"
  export RABBITMQ_CONFIG_FILE=$dir/rabbitmq.conf RABBITMQ_ENABLED_PLUGINS_FILE=$dir/enabled_plugins \
    RABBITMQ_MNESIA_BASE=$dir/mnesia RABBITMQ_LOG_BASE=$dir/log RABBITMQ_NODENAME=rabbit@localhost \
    RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 ERL_EPMD_ADDRESS=127.0.0.1 \
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  export RABBITMQ_CTL_ERL_ARGS="$RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"
  rabbitmq-server -detached >/dev/null 2>&1
  local i
  for i in $(seq 1 600); do port_open 5672 && break; sleep 0.1; done
  rabbitmqctl -q await_startup --timeout 120 >/dev/null
  # Ours to restart: the fault tests stop and start this broker while letters are in flight.
  export SMARTOFFICE_TEST_RABBITMQ_RESTARTABLE=1
  echo "RabbitMQ started on 127.0.0.1:5672 ($dir)"
}

# delivery_code_changed : whether HEAD or the working tree changes the code that carries a letter from the Api's
# outbox to the Worker's commit (bus set-up, outbox, consumer, Worker, package versions) or the cluster test itself,
# compared with HEAD's parent. True when git cannot tell (no repository, a shallow clone without the parent).
delivery_code_changed() {
  local paths=(src/SmartOffice.Exchange/Messaging src/SmartOffice.LetterDelivery src/SmartOffice.Contracts src/SmartOffice.Exchange/Outbox
    src/SmartOffice.Api/Outbox src/SmartOffice.Worker Directory.Packages.props scripts/services.sh
    tests/SmartOffice.EndToEnd.Tests/ClusterTests.cs tests/SmartOffice.EndToEnd.Tests/RabbitCluster.cs)
  git rev-parse --verify -q HEAD~1 >/dev/null 2>&1 || return 0
  ! git diff --quiet HEAD~1 -- "${paths[@]}" 2>/dev/null
}

# start_rabbitmq_cluster : three RabbitMQ nodes joined into one cluster on 127.0.0.1:5701-5703 (rabbit1@localhost …
# rabbit3@localhost, distribution ports 25701-25703), exported as SMARTOFFICE_TEST_RABBITMQ_CLUSTER (host:port,…) and
# SMARTOFFICE_TEST_RABBITMQ_CLUSTER_DIR. Each node's folder there holds env.sh (its RABBITMQ_* settings) and pid, so a
# test can kill one node (kill -9 "$(cat pid)") and start it again (. env.sh && rabbitmq-server -detached); a node
# started again rejoins by itself. The single broker on 5672 is left alone: the settings live in subshells only.
# Reuses a cluster already listening on 5701-5703.
start_rabbitmq_cluster() {
  local dir=${TMPDIR:-/tmp}/smartoffice-rabbit-cluster
  export SMARTOFFICE_TEST_RABBITMQ_CLUSTER="127.0.0.1:5701,127.0.0.1:5702,127.0.0.1:5703"
  export SMARTOFFICE_TEST_RABBITMQ_CLUSTER_DIR=$dir
  if port_open 5701 && port_open 5702 && port_open 5703; then return 0; fi
  ensure_packages rabbitmq-server
  local node
  for node in 1 2 3; do
    # A node left over from an earlier run (one port not answering) is stopped and its state dropped.
    [ -f "$dir/rabbit$node/pid" ] && kill -9 "$(cat "$dir/rabbit$node/pid")" 2>/dev/null
  done
  rm -rf "$dir"
  for node in 1 2 3; do
    local home=$dir/rabbit$node
    mkdir -p "$home/mnesia" "$home/log"
    echo "listeners.tcp.default = 127.0.0.1:570$node" > "$home/rabbitmq.conf"
    echo '[].' > "$home/enabled_plugins"
    cat > "$home/env.sh" <<ENV
export RABBITMQ_NODENAME=rabbit$node@localhost RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT=570$node \\
  RABBITMQ_DIST_PORT=2570$node RABBITMQ_CONFIG_FILE=$home/rabbitmq.conf RABBITMQ_ENABLED_PLUGINS_FILE=$home/enabled_plugins \\
  RABBITMQ_MNESIA_BASE=$home/mnesia RABBITMQ_LOG_BASE=$home/log RABBITMQ_PID_FILE=$home/pid ERL_EPMD_ADDRESS=127.0.0.1 \\
  RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}" \\
  RABBITMQ_CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
ENV
  done
  chown -R rabbitmq:rabbitmq "$dir"
  for node in 1 2 3; do
    (. "$dir/rabbit$node/env.sh" && rabbitmq-server -detached >/dev/null 2>&1)
  done
  local i
  for node in 1 2 3; do
    # await_startup fails at once while the node is not yet known to epmd: wait for its port first.
    for i in $(seq 1 600); do port_open "570$node" && break; sleep 0.1; done
    (. "$dir/rabbit$node/env.sh" && rabbitmqctl -q await_startup --timeout 120 >/dev/null)
  done
  # Nodes 2 and 3 join node 1; the same Erlang cookie (the rabbitmq user's) lets them talk.
  for node in 2 3; do
    (. "$dir/rabbit$node/env.sh" && rabbitmqctl -q stop_app && rabbitmqctl -q join_cluster rabbit1@localhost \
      && rabbitmqctl -q start_app && rabbitmqctl -q await_startup --timeout 120) >/dev/null
  done
  echo "RabbitMQ cluster started on $SMARTOFFICE_TEST_RABBITMQ_CLUSTER ($dir)"
}
