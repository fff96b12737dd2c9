-- nvim_smoke.lua — Neovim 0.7 drives `pflint lsp` through editors/nvim:
-- open main.cf, wait for diagnostics, hover, take a code action, apply it,
-- and see the finding go. Run by run_editor.sh; writes "ok" or the failure
-- to $PFLINT_RESULT and exits non-zero on failure.
local pflint = os.getenv('PFLINT')
local dir = os.getenv('PFLINT_FIXTURE')
local result = os.getenv('PFLINT_RESULT')
local editors = os.getenv('PFLINT_EDITORS')

local function finish(ok, message)
  local f = io.open(result, 'w')
  f:write(ok and 'ok\n' or ('FAIL: ' .. message .. '\n'))
  f:close()
  if ok then vim.cmd('qa!') else vim.cmd('cq 1') end
end

local ok, err = pcall(function()
  vim.opt.runtimepath:append(editors .. '/nvim')
  local plugin = require('pflint')
  vim.cmd('edit ' .. dir .. '/main.cf')
  local buf = vim.api.nvim_get_current_buf()
  local id = plugin.attach(buf, { cmd = { pflint, 'lsp' }, flags = { debounce_text_changes = 0 } })
  assert(id, 'no client started')
  assert(vim.wait(10000, function() return #vim.diagnostic.get(buf) > 0 end, 20), 'no diagnostics arrived')
  local found = false
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == 'PF3001' or (d.user_data and d.user_data.lsp and d.user_data.lsp.code == 'PF3001') then
      found = true
    end
  end
  assert(found, 'no PF3001 diagnostic: ' .. vim.inspect(vim.diagnostic.get(buf)))

  -- Hover on smtp_tls_security_level (line 5, 0-based 4).
  local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = 4, character = 3 } }, 5000)
  local text = ''
  for _, r in pairs(hover or {}) do
    if r.result and r.result.contents then text = text .. r.result.contents.value end
  end
  assert(text:find('relay/unix', 1, true), 'hover lacks the -o override: ' .. text)

  -- Code action on the smtp_use_tls line (0-based 3), apply its fix.
  local actions = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = 3, character = 0 }, ['end'] = { line = 3, character = 0 } },
    context = { diagnostics = {} } }, 5000)
  local fix
  for _, r in pairs(actions or {}) do
    for _, a in ipairs(r.result or {}) do
      if a.isPreferred and a.edit then fix = a end
    end
  end
  assert(fix, 'no preferred fix offered: ' .. vim.inspect(actions))
  vim.lsp.util.apply_workspace_edit(fix.edit, 'utf-16')
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  for _, l in ipairs(lines) do assert(not l:find('smtp_use_tls', 1, true), 'the fix left smtp_use_tls') end
  assert(vim.wait(10000, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.code == 'PF3001' or (d.user_data and d.user_data.lsp and d.user_data.lsp.code == 'PF3001') then return false end
    end
    return true
  end, 20), 'PF3001 still reported after the fix')
  vim.lsp.get_client_by_id(id).stop()
end)
finish(ok, tostring(err))
