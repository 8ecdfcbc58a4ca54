; Inno Setup 6 script: setup.exe for Returns Desk 售后服务台 from the PyInstaller folder dist\returns-desk.
; Build on Windows (see docs/INSTALL.md):  iscc /DAppVersion=0.1.0 installer\returns-desk.iss
; Installing a newer version over an older one replaces the program files only: the shop's data in
; %PROGRAMDATA%\returns-desk (database, policy copy, backups, logs) is never touched by setup or
; uninstall, and the app itself copies the database aside before it migrates it.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Returns Desk 售后服务台"
#define AppExe "returns-desk-counter.exe"

[Setup]
; The AppId ties every version together, so a new setup upgrades the old install in place.
AppId={{6F1C2B52-8E0B-4B8C-9D64-3C0E2A9B7D11}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Returns Desk
VersionInfoVersion={#AppVersion}
VersionInfoProductName=Returns Desk
VersionInfoDescription=Returns Desk 售后服务台 setup
DefaultDirName={autopf}\Returns Desk
DefaultGroupName=Returns Desk 售后服务台
DisableProgramGroupPage=yes
; Every login of the shop PC uses the same program and the same data: install for all users.
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=returns-desk-setup-{#AppVersion}
SetupIconFile=returns-desk.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Close a running counter before replacing its files, and start it again afterwards.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Dirs]
; The shop's data folder: made once, writable by every user of the PC, left alone on uninstall.
Name: "{commonappdata}\returns-desk"; Permissions: users-modify; Flags: uninsneveruninstall

[Files]
; The whole one-folder build; old program files that a new version no longer ships are removed
; by [InstallDelete] below, so an upgrade never mixes two versions' libraries.
Source: "..\dist\returns-desk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "returns-desk.ico"; DestDir: "{app}"; Flags: ignoreversion

[InstallDelete]
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\Returns Desk 售后服务台"; Filename: "{app}\{#AppExe}"; IconFilename: "{app}\returns-desk.ico"
Name: "{group}\Returns Desk self-test 自检"; Filename: "{cmd}"; \
  Parameters: "/k ""{app}\returns-desk.exe"" --self-test"; IconFilename: "{app}\returns-desk.ico"
Name: "{group}\{cm:UninstallProgram,Returns Desk}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Returns Desk 售后服务台"; Filename: "{app}\{#AppExe}"; \
  IconFilename: "{app}\returns-desk.ico"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Run]
; The self-test proves the install before the shop relies on it (throwaway database; exit 0 = good).
Filename: "{app}\returns-desk.exe"; Parameters: "--self-test"; StatusMsg: "Self-test 自检…"; \
  Flags: runhidden waituntilterminated
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,Returns Desk}"; \
  Flags: nowait postinstall skipifsilent
