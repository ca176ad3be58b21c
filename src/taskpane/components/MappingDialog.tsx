import * as React from "react";
import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Select,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { type ColumnMapping, type MappingRole, MAPPING_ROLES, t, type Lang } from "../../core";

const useStyles = makeStyles({
  columns: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  // Long header texts wrap inside a 320 px pane rather than widen the dialog.
  label: { overflowWrap: "anywhere" },
  // A native select is as wide as its longest option unless told to fit its column.
  select: { minWidth: 0, maxWidth: "100%" },
  native: { minWidth: 0, width: "100%", textOverflow: "ellipsis" },
  count: {
    display: "block",
    marginTop: tokens.spacingVerticalM,
    fontWeight: tokens.fontWeightSemibold,
  },
});

export interface MappingDialogProps {
  lang: Lang;
  /** The mapping to start from: the reader's guess for the table, or the one kept before. */
  initial: ColumnMapping;
  /** The conditions and indicators the workbook gives read with this mapping (the live count). */
  count(mapping: ColumnMapping): { conditions: number; indicators: number };
  busy: boolean;
  onSave(mapping: ColumnMapping): void;
  onCancel(): void;
}

/**
 * The table's header row, one role per column (the reader's guess chosen), and how many
 * conditions and indicators the mapping gives as the user changes it.
 */
export function MappingDialog(p: MappingDialogProps) {
  const s = useStyles();
  const { lang } = p;
  const [mapping, setMapping] = React.useState(p.initial);
  const { count } = p;
  const counted = React.useMemo(() => count(mapping), [count, mapping]);
  const setRole = (index: number, role: MappingRole) =>
    setMapping((m) => ({
      ...m,
      columns: m.columns.map((c, i) => (i === index ? { ...c, role } : c)),
    }));
  const title = t("mapping.ui.title", { sheet: mapping.sheet, row: mapping.headerRow }, lang);
  return (
    <Dialog open onOpenChange={(_, d) => (d.open ? undefined : p.onCancel())}>
      <DialogSurface aria-describedby="mapping-intro">
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>
            <Body1 id="mapping-intro">{t("mapping.ui.intro", {}, lang)}</Body1>
            <ul className={s.columns}>
              {mapping.columns.map((c, i) => (
                <li key={c.column}>
                  <Field
                    label={{
                      className: s.label,
                      children: t(
                        "mapping.ui.column",
                        { column: c.column, header: c.header },
                        lang
                      ),
                    }}
                  >
                    <Select
                      className={s.select}
                      select={{ className: s.native }}
                      value={c.role}
                      data-testid="mapping-role"
                      onChange={(_, d) => setRole(i, d.value as MappingRole)}
                    >
                      {MAPPING_ROLES.map((role) => (
                        <option key={role} value={role}>
                          {t(`mapping.role.${role}`, {}, lang)}
                        </option>
                      ))}
                    </Select>
                  </Field>
                </li>
              ))}
            </ul>
            <Text className={s.count} aria-live="polite" data-testid="mapping-count">
              {t("mapping.ui.count", counted, lang)}
            </Text>
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={p.onCancel} disabled={p.busy}>
              {t("mapping.ui.cancel", {}, lang)}
            </Button>
            <Button appearance="primary" onClick={() => p.onSave(mapping)} disabled={p.busy}>
              {t("mapping.ui.save", {}, lang)}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/**
 * Under a finding about a mapping: "Petakan kolom" for a table the reader could not place
 * (`where` its first header cell), "Hapus peta" for a saved mapping that no longer fits (`where`
 * its sheet).
 */
export function MapButton(p: { lang: Lang; drop?: boolean; where: string; onClick(): void }) {
  const [label, text] = p.drop
    ? [t("mapping.ui.dropLabel", { sheet: p.where }, p.lang), t("mapping.ui.drop", {}, p.lang)]
    : [t("mapping.ui.openLabel", { cell: p.where }, p.lang), t("mapping.ui.open", {}, p.lang)];
  return (
    <Button
      size="small"
      appearance="secondary"
      aria-label={label}
      onClick={p.onClick}
      data-testid={p.drop ? "drop-mapping" : "map-columns"}
    >
      {text}
    </Button>
  );
}
