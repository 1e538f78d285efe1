import ExpandLessIcon from '@mui/icons-material/ExpandLess';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { Collapse, List, ListItemIcon, ListItemText, MenuItem, Tooltip } from '@mui/material';
import { useEffect } from 'react';
import { useLocation } from 'react-router-dom';
import { Menu as RaMenu, useCanAccessResources, useSidebarState, useStore, useTranslate } from 'react-admin';
import { ACCESS_KEYS, accessKeyOf, groupOf, NAVIGATION, pathOf, type NavEntry, type NavGroup } from './navigation';

const entryLabel = (entry: NavEntry, translate: (key: string, options?: object) => string) =>
  entry.kind === 'planned'
    ? translate(`menu.items.${entry.key}`)
    : translate(`resources.${entry.resource}.name`, { smart_count: 2 });

const Group = ({ group }: { group: NavGroup }) => {
  const translate = useTranslate();
  const [sidebarOpen] = useSidebarState();
  const { pathname } = useLocation();
  const [open, setOpen] = useStore<boolean>(`oms.menu.${group.key}`, false);
  const active = groupOf(pathname) === group.key;

  // Landing on a page (by link or reload) opens its group.
  useEffect(() => {
    if (active) setOpen(true);
  }, [active, setOpen]);

  const label = translate(`menu.groups.${group.key}`);
  const Icon = group.icon;
  return (
    <>
      <Tooltip title={sidebarOpen ? '' : label} placement="right">
        <MenuItem
          onClick={() => setOpen(!open)}
          data-testid={`menu-group-${group.key}`}
          aria-expanded={open}
          sx={{ color: active ? 'text.primary' : 'text.secondary', py: 0.75 }}
        >
          <ListItemIcon sx={{ minWidth: 40 }}>
            <Icon fontSize="small" />
          </ListItemIcon>
          <ListItemText primary={label} slotProps={{ primary: { sx: { fontWeight: 500 } } }} />
          {open ? <ExpandLessIcon fontSize="small" /> : <ExpandMoreIcon fontSize="small" />}
        </MenuItem>
      </Tooltip>
      <Collapse in={open} timeout="auto" unmountOnExit>
        <List
          dense
          component="div"
          disablePadding
          sx={{ '& .RaMenuItemLink-root': { pl: sidebarOpen ? 4 : 2 } }}
        >
          {group.entries.map((entry) => {
            const EntryIcon = entry.icon;
            const to = pathOf(entry);
            return (
              <RaMenu.Item
                key={to}
                to={to}
                primaryText={entryLabel(entry, translate)}
                leftIcon={<EntryIcon fontSize="small" />}
                data-testid={`menu-item-${to.slice(1)}`}
              />
            );
          })}
        </List>
      </Collapse>
    </>
  );
};

/**
 * The sidebar: home, then one collapsible group per area of the back office, showing only the
 * entries the user may read (and no group left empty).
 */
export const Menu = () => {
  const { canAccess } = useCanAccessResources({ action: 'list', resources: ACCESS_KEYS });
  const groups = NAVIGATION.map((group) => ({
    ...group,
    entries: group.entries.filter((entry) => canAccess?.[accessKeyOf(entry)] === true),
  })).filter((group) => group.entries.length > 0);
  return (
    <RaMenu>
      <RaMenu.DashboardItem data-testid="menu-item-home" />
      {groups.map((group) => (
        <Group key={group.key} group={group} />
      ))}
    </RaMenu>
  );
};
