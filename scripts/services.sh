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
