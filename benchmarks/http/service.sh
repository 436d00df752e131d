# Sourced by the load scripts here: installs wrk and curl when missing, builds Release and starts the service on a
# fresh data directory on 127.0.0.1:$port (killed and removed on exit). Expects $port; extra service arguments in
# "$@". Sets $pid and $data; returns once /health answers (and, with WAIT_FOR_ENTRIES=1, the base is imported).
data=$(mktemp -d)
trap 'kill -9 ${pid:-0} 2>/dev/null || true; rm -rf "$data"' EXIT

need_apt=()
command -v wrk >/dev/null || need_apt+=(wrk)
command -v curl >/dev/null || need_apt+=(curl)
if ((${#need_apt[@]})); then
  if [[ $(id -u) -eq 0 ]]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}"
fi
dotnet build -c Release src/Bot -v q -nologo >/dev/null
dotnet src/Bot/bin/Release/net10.0/CitizenBot.Bot.dll --urls "http://127.0.0.1:$port" --DataDirectory "$data" \
  --Auth:SeedPassword bench-only-password --Logging:LogLevel:Default Warning "$@" >"$data/service.log" 2>&1 &
pid=$!
ready='"status"'
[[ ${WAIT_FOR_ENTRIES:-0} == 1 ]] && ready='"searchableEntries":[1-9]'
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port/health" | grep -q "$ready" && break; sleep 0.2; done
