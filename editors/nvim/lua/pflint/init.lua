-- pflint.nvim — start `pflint lsp` for Postfix main.cf and master.cf buffers.
-- Works with Neovim 0.7+ (vim.lsp.start_client; vim.lsp.start is 0.8+).
-- Usage, in init.lua:  require('pflint').setup({ cmd = { 'pflint', 'lsp' } })
local M = {}

local defaults = {
  cmd = { 'pflint', 'lsp' },
  -- Sent as initializationOptions: postfixVersion, compatibilityLevel,
  -- select, ignore, inlayHints, includeTemplates, pathMappings.
  settings = {},
  filetypes = { 'pfmain', 'pfmaster' },
}

local clients = {}  -- one client per config directory

local function root_of(bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr)
  return vim.fn.fnamemodify(name, ':p:h')
end

function M.attach(bufnr, opts)
  opts = vim.tbl_deep_extend('force', defaults, opts or {})
  local root = root_of(bufnr)
  local id = clients[root]
  if not id or not vim.lsp.get_client_by_id(id) then
    id = vim.lsp.start_client({
      name = 'pflint',
      cmd = opts.cmd,
      root_dir = root,
      init_options = opts.settings,
      flags = opts.flags,
    })
    clients[root] = id
  end
  if id then vim.lsp.buf_attach_client(bufnr, id) end
  return id
end

function M.setup(opts)
  local group = vim.api.nvim_create_augroup('pflint', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = (opts and opts.filetypes) or defaults.filetypes,
    callback = function(args) M.attach(args.buf, opts) end,
  })
end

return M
