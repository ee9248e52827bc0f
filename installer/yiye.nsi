; The counter PC's installer: 64-bit, per machine, Chinese and English, silent roll-out.
; Built by `python3 dev.py installer` (installer/winbuild/build.py), which passes:
;   VERSION (1.2.3), VERSION4 (1.2.3.0), STAGE (the files to install), OUTFILE, and, when the
;   build signs, SIGN_COMMAND (signs the uninstaller as makensis writes it).
; Command line (README): /S silent, /D=folder (last), /DATABASE= /OFFICE= /WORKSTATION= /PLATFORM=
; write the counter's settings to %ProgramData%\yiye\machine.ini; the uninstaller's /PURGE also
; deletes the user data of the account that runs it and machine.ini.

Unicode true
Target amd64-unicode
ManifestDPIAware true
ManifestSupportedOS Win10
RequestExecutionLevel admin
SetCompressor /SOLID lzma
SetCompressorDictSize 64

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"
!include "Sections.nsh"
!include "WinVer.nsh"
!include "x64.nsh"

!define PRODUCT "Yiye"
!define PUBLISHER "同心县审批服务管理局"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${PRODUCT}"
!define PRODUCT_KEY "Software\TongxinApprovalService\${PRODUCT}"
; platformdirs.user_data_dir("yiye", "TongxinApprovalService") on Windows.
!define USER_DATA "$LOCALAPPDATA\TongxinApprovalService\yiye"
; desktop_app/machine_settings.py reads this file: %ProgramData%\yiye, which is $APPDATA after
; SetShellVarContext all (every use below is in that context).
!define MACHINE_DIR "$APPDATA\yiye"
!define MACHINE_INI "${MACHINE_DIR}\machine.ini"

Name "$(ProductName)"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${PRODUCT}"
InstallDirRegKey HKLM "${PRODUCT_KEY}" "InstallDir"
BrandingText "${PRODUCT} ${VERSION}"
ShowInstDetails show
ShowUninstDetails show

VIProductVersion "${VERSION4}"
VIAddVersionKey /LANG=0 "ProductName" "同心县一业一证窗口综合受理系统"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "FileDescription" "一业一证窗口 ${VERSION} 安装程序"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "${PUBLISHER}"

!ifdef SIGN_COMMAND
  !uninstfinalize '${SIGN_COMMAND} "%1"' = 0
!endif

Var Database
Var Office
Var Workstation
Var Platform

!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\yiye.exe"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

LangString ProductName ${LANG_SIMPCHINESE} "同心县一业一证窗口"
LangString ProductName ${LANG_ENGLISH} "Tongxin One Industry One Licence counter"
LangString ShortcutName ${LANG_SIMPCHINESE} "一业一证窗口"
LangString ShortcutName ${LANG_ENGLISH} "Yiye counter"
LangString UninstallName ${LANG_SIMPCHINESE} "卸载一业一证窗口"
LangString UninstallName ${LANG_ENGLISH} "Uninstall Yiye counter"
LangString NeedsWin10 ${LANG_SIMPCHINESE} "本程序需要 64 位 Windows 10（1809 或更新）或 Windows 11。"
LangString NeedsWin10 ${LANG_ENGLISH} "This program needs 64-bit Windows 10 (1809 or later) or Windows 11."
LangString ProgramSection ${LANG_SIMPCHINESE} "程序文件"
LangString ProgramSection ${LANG_ENGLISH} "Program files"
LangString DataSection ${LANG_SIMPCHINESE} "本账户的数据（数据库、密钥、设置、日志）和本机设置"
LangString DataSection ${LANG_ENGLISH} "This account's data (database, keys, settings, logs) and the machine settings"

Function .onInit
  ${IfNot} ${RunningX64}
  ${OrIfNot} ${AtLeastWin10}
  ${OrIfNot} ${AtLeastBuild} 17763
    MessageBox MB_ICONSTOP "$(NeedsWin10)" /SD IDOK
    SetErrorLevel 3
    Abort
  ${EndIf}
  SetRegView 64
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/DATABASE=" $Database
  ClearErrors
  ${GetOptions} $R0 "/OFFICE=" $Office
  ClearErrors
  ${GetOptions} $R0 "/WORKSTATION=" $Workstation
  ClearErrors
  ${GetOptions} $R0 "/PLATFORM=" $Platform
  ClearErrors
FunctionEnd

; A new machine.ini starts with a UTF-16 byte order mark so that Windows' INI functions write
; Unicode (a database password in Chinese survives); otherwise they write the ANSI code page.
!macro WriteSetting KEY VALUE
  ${If} ${VALUE} != ""
    CreateDirectory "${MACHINE_DIR}"
    ${IfNot} ${FileExists} "${MACHINE_INI}"
      FileOpen $9 "${MACHINE_INI}" w
      FileWriteWord $9 0xFEFF
      FileClose $9
    ${EndIf}
    WriteINIStr "${MACHINE_INI}" "counter" "${KEY}" "${VALUE}"
  ${EndIf}
!macroend

Section "-Program"
  SetShellVarContext all
  SetOutPath "$INSTDIR"
  ; An upgrade replaces the program whole: no file of the older version lingers. The counter's
  ; data is not here (user data folder, machine.ini), so it stays as it was.
  RMDir /r "$INSTDIR\runtime"
  RMDir /r "$INSTDIR\app"
  Delete "$INSTDIR\modules.pack"
  File /r "${STAGE}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  !insertmacro WriteSetting "database_url" $Database
  !insertmacro WriteSetting "office_code" $Office
  !insertmacro WriteSetting "workstation" $Workstation
  !insertmacro WriteSetting "platform_url" $Platform

  CreateDirectory "$SMPROGRAMS\$(ProductName)"
  CreateShortcut "$SMPROGRAMS\$(ProductName)\$(ShortcutName).lnk" "$INSTDIR\yiye.exe"
  CreateShortcut "$SMPROGRAMS\$(ProductName)\$(UninstallName).lnk" "$INSTDIR\uninstall.exe"
  CreateShortcut "$DESKTOP\$(ShortcutName).lnk" "$INSTDIR\yiye.exe"

  WriteRegStr HKLM "${PRODUCT_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKLM "${PRODUCT_KEY}" "Version" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "$(ProductName)"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\yiye.exe"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Section "un.$(ProgramSection)" SEC_UNPROGRAM
  SectionIn RO
  SetShellVarContext all
  Delete "$DESKTOP\$(ShortcutName).lnk"
  RMDir /r "$SMPROGRAMS\$(ProductName)"
  RMDir /r "$INSTDIR\runtime"
  RMDir /r "$INSTDIR\app"
  Delete "$INSTDIR\yiye.exe"
  Delete "$INSTDIR\yiye-cli.exe"
  Delete "$INSTDIR\modules.pack"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
  DeleteRegKey HKLM "${PRODUCT_KEY}"
SectionEnd

; Off unless ticked (or /PURGE): a counter's database and keys outlive a reinstall.
Section /o "un.$(DataSection)" SEC_UNDATA
  SetShellVarContext current
  RMDir /r "${USER_DATA}"
  RMDir "$LOCALAPPDATA\TongxinApprovalService"
  SetShellVarContext all
  RMDir /r "${MACHINE_DIR}"
SectionEnd

Function un.onInit
  SetRegView 64
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/PURGE" $R1
  ${IfNot} ${Errors}
    !insertmacro SelectSection ${SEC_UNDATA}
  ${EndIf}
FunctionEnd
