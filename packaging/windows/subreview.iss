; Inno Setup 6 script: the SubReview installer for Windows 10/11 (64-bit).
; (UTF-8 with BOM: Inno Setup reads the Chinese messages correctly only then)
;
; Build the bundle first (dist\SubReview\ from packaging\windows\subreview-win.spec), then from the repository root:
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\windows\subreview.iss
; Output: dist\SubReview-0.1.0-win64-setup.exe (docs\packaging.md has the whole recipe).
;
; Installs to {autopf}\SubReview (Program Files for everyone, or the user's Programs folder when installing
; without administrator rights), adds a Start menu entry and an optional desktop shortcut, opens .subrev projects
; with SubReview (optional task), and uninstalls cleanly. Users' projects, models and settings
; (%LOCALAPPDATA%\SubReview) are left alone on uninstall.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "SubReview"
#define AppExe "subreview-gui.exe"
#define CliExe "subreview.exe"
#define BundleDir "..\..\dist\SubReview"
#define ProgId "SubReview.Project"

[Setup]
AppId={{8B5E0C2A-3F6D-4C1E-9A57-5D2B7E4F1C90}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=SubReview
DefaultDirName={autopf}\SubReview
DefaultGroupName=SubReview
DisableProgramGroupPage=yes
OutputDir=..\..\dist
OutputBaseFilename=SubReview-{#AppVersion}-win64-setup
SetupIconFile=..\..\resources\icons\subreview.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
ChangesAssociations=yes
CloseApplications=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
#ifexist AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl"
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif

[CustomMessages]
english.AssocTask=Open .subrev projects with SubReview
english.AssocGroup=File types:
english.ProjectType=SubReview project
#ifexist AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl"
chinesesimplified.AssocTask=用 SubReview 打开 .subrev 项目
chinesesimplified.AssocGroup=文件类型：
chinesesimplified.ProjectType=SubReview 项目
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "fileassoc"; Description: "{cm:AssocTask}"; GroupDescription: "{cm:AssocGroup}"

[InstallDelete]
; an upgrade replaces the whole bundle: no stale DLLs or VLC plugins from the previous version
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\SubReview"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"; Comment: "Review and edit subtitles with machine translation kept under human control"
Name: "{autodesktop}\SubReview"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Registry]
; .subrev -> SubReview.Project -> "subreview-gui.exe" open "%1" (HKA: HKLM for all users, HKCU otherwise)
Root: HKA; Subkey: "Software\Classes\.subrev"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue; Tasks: fileassoc
Root: HKA; Subkey: "Software\Classes\.subrev\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: fileassoc
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:ProjectType}"; Flags: uninsdeletekey; Tasks: fileassoc
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"; Tasks: fileassoc
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" open ""%1"""; Tasks: fileassoc
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".subrev"; ValueData: ""; Flags: uninsdeletekey; Tasks: fileassoc

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,SubReview}"; Flags: nowait postinstall skipifsilent
